package org.loghandlers.handlers.wire;

/**
 * Cuts an encoded syslog message to a maximum length in bytes without splitting a UTF-8 character, so that a
 * receiver never sees half a character: the cut moves back to the start of the character it would fall in.
 */
public final class Utf8Truncation {

    private Utf8Truncation() {
    }

    /**
     * The longest prefix of {@code utf8} of at most {@code maxBytes} bytes that ends on a character boundary.
     */
    public static int prefixLength(byte[] utf8, int maxBytes) {
        return prefixLength(utf8, 0, utf8.length, maxBytes);
    }

    /** As {@link #prefixLength(byte[], int)}, for the bytes from {@code from} to {@code to} (excluded). */
    public static int prefixLength(byte[] utf8, int from, int to, int maxBytes) {
        if (maxBytes >= to - from) {
            return to - from;
        }
        int cut = Math.max(0, maxBytes);
        while (cut > 0 && (utf8[from + cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }

    /**
     * {@code content} followed by {@code tail}, in at most {@code maxLength} bytes (0 or less: no limit): the
     * content is cut on a character boundary to leave room for the tail, which is kept whole when it fits at all.
     */
    public static byte[] fit(byte[] content, byte[] tail, int maxLength) {
        MessageBytes message = MessageBytes.of(content);
        message.fit(tail, maxLength);
        return message.toByteArray();
    }
}
