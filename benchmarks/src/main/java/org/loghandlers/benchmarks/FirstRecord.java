package org.loghandlers.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The first bytes of the first record a sink received, kept so that the delivery check can see that what arrived is
 * the workload's record and not something else. Filled by one reader thread before it publishes its count.
 */
final class FirstRecord {

    static final int KEPT = 512;

    private final byte[] bytes = new byte[KEPT];
    private int length;
    private boolean ended;

    void add(byte b) {
        if (!ended && length < KEPT) {
            bytes[length++] = b;
        }
    }

    void add(byte[] source, int from, int count) {
        if (!ended) {
            int n = Math.min(count, KEPT - length);
            System.arraycopy(source, from, bytes, length, n);
            length += n;
        }
    }

    void end() {
        ended = true;
    }

    /** Whether the kept bytes hold {@code text} in UTF-8. */
    boolean contains(String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The kept bytes for a message: printable ASCII as is, anything else as {@code \xNN}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        return text.toString();
    }
}
