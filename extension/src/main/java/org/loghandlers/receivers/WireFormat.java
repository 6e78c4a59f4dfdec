package org.loghandlers.receivers;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.loghandlers.receivers.wire.JsonLines;
import org.loghandlers.receivers.wire.JsonReader;
import org.loghandlers.receivers.wire.LengthPrefixedFrames;
import org.loghandlers.receivers.wire.RestrictedUnpickler;
import org.loghandlers.receivers.wire.StreamFramer;
import org.loghandlers.receivers.wire.WireFormatException;

/**
 * The record encodings a receiver reads: {@link #PYTHON}, a pickled Python {@code LogRecord} attribute dict (on a
 * stream, each one after a 4-byte big-endian length, as {@code SocketHandler} sends it), and {@link #JSON}, a
 * {@link org.loghandlers.format.JsonFormatter} object (on a stream, one per line). {@link #decode} reads one
 * message, such as one frame or one Kafka record value.
 */
public enum WireFormat {

    PYTHON {
        @Override
        public StreamFramer framer(int maxFrame) {
            return new LengthPrefixedFrames(maxFrame);
        }

        @Override
        public ReceivedRecord decode(byte[] bytes, int offset, int length, String host) throws WireFormatException {
            return ReceivedRecords.fromPythonDict(RestrictedUnpickler.loads(bytes, offset, length), host);
        }
    },

    JSON {
        @Override
        public StreamFramer framer(int maxFrame) {
            return new JsonLines(maxFrame);
        }

        @Override
        public ReceivedRecord decode(byte[] bytes, int offset, int length, String host) throws WireFormatException {
            return ReceivedRecords.fromJson(JsonReader.parse(new String(bytes, offset, length,
                    StandardCharsets.UTF_8)), host);
        }
    };

    /** {@code python} or {@code json}, in any case; IllegalArgumentException naming the value and both. */
    public static WireFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (WireFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("format: '" + text + "' is not a record format; accepted: python (the"
                + " pickled records of Python's SocketHandler) or json (JSON lines, as JsonFormatter writes them)");
    }

    /** Cuts a stream connection's bytes into messages of at most {@code maxFrame} bytes. */
    public abstract StreamFramer framer(int maxFrame);

    /**
     * The record one message holds.
     *
     * @param host the sender's host when the message does not name one
     * @throws WireFormatException when the bytes are malformed or refused
     * @throws IllegalArgumentException when they decode to something that is not a record
     */
    public abstract ReceivedRecord decode(byte[] bytes, int offset, int length, String host)
            throws WireFormatException;
}
