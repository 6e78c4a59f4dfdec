package org.loghandlers.handlers.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The Kafka headers that say who sent a record and in which order, so that a receiver can put back the producer's
 * host and process and drop a record it has already written: {@code loghandlers.sender} (a UUID per handler
 * instance), {@code loghandlers.host}, {@code loghandlers.pid}, {@code loghandlers.sequence} (1, 2, 3... per sender,
 * in the order the sender handed records to Kafka) and {@code loghandlers.format} ({@code json}, {@code python} or
 * {@code text}). Every value is UTF-8 text, so {@code kcat} and Kafka's console consumer show them as they are.
 */
public final class SenderHeaders {

    public static final String SENDER = "loghandlers.sender";
    public static final String HOST = "loghandlers.host";
    public static final String PID = "loghandlers.pid";
    public static final String SEQUENCE = "loghandlers.sequence";
    public static final String FORMAT = "loghandlers.format";

    /** One sender: a handler instance in one process on one host. */
    public record Sender(String id, String host, long pid) {

        /** A new sender in this process: a random id, this host's name and this process's id. */
        public static Sender ofThisProcess() {
            return new Sender(UUID.randomUUID().toString(), localHostName(), ProcessHandle.current().pid());
        }
    }

    /** What a receiver reads back from one record's headers; null fields for headers that were absent. */
    public record Received(String sender, String host, Long pid, Long sequence, String format) {
    }

    private SenderHeaders() {
    }

    /**
     * The headers every record of {@code sender} carries, in order, without the sequence (which {@link #sequence}
     * encodes per record).
     */
    public static Map<String, byte[]> fixed(Sender sender, String format) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(SENDER, utf8(sender.id()));
        headers.put(HOST, utf8(sender.host()));
        headers.put(PID, utf8(Long.toString(sender.pid())));
        headers.put(FORMAT, utf8(format));
        return headers;
    }

    /** The value of {@link #SEQUENCE}: the number in decimal ASCII. */
    public static byte[] sequence(long sequence) {
        return utf8(Long.toString(sequence));
    }

    /** Reads the headers given by name; a number that does not parse reads as absent. */
    public static Received read(Map<String, byte[]> headers) {
        return new Received(text(headers.get(SENDER)), text(headers.get(HOST)), number(headers.get(PID)),
                number(headers.get(SEQUENCE)), text(headers.get(FORMAT)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static Long number(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(new String(value, StandardCharsets.US_ASCII).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** This host's name; {@code HOSTNAME} or {@code localhost} when the system cannot say. */
    static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "localhost";
        }
    }
}
