package org.loghandlers.receivers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * CPython 3.13.0's {@code SocketHandler.makePickle} frame for a fixed record (the reference folder's
 * {@code golden_socket_frame_py3.13.hex}, copied as a test resource): a 4-byte big-endian length, then a protocol-1
 * pickle of the record's dict. The record: logger {@code tcp}, ERROR, {@code "hello %s" % "wörld"},
 * {@code /tmp/x.py} line 42 in {@code f}, created 1700000000.25, thread 140000000000000 {@code MainThread},
 * process 1234 {@code MainProcess}.
 */
public final class GoldenFrame {

    private static final byte[] FRAME = read();

    private GoldenFrame() {
    }

    /** The whole frame, length prefix included. */
    public static byte[] frame() {
        return FRAME.clone();
    }

    /** The pickle alone. */
    public static byte[] pickle() {
        return Arrays.copyOfRange(FRAME, 4, FRAME.length);
    }

    private static byte[] read() {
        try (InputStream in = GoldenFrame.class.getResourceAsStream("golden_socket_frame_py3.13.hex")) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.strip());
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
