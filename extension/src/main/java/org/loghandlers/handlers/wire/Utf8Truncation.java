package org.loghandlers.handlers.wire;

import java.util.Arrays;

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
        if (maxBytes >= utf8.length) {
            return utf8.length;
        }
        int cut = Math.max(0, maxBytes);
        while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }

    /**
     * {@code content} followed by {@code tail}, in at most {@code maxLength} bytes (0 or less: no limit): the
     * content is cut on a character boundary to leave room for the tail, which is kept whole when it fits at all.
     */
    public static byte[] fit(byte[] content, byte[] tail, int maxLength) {
        if (maxLength <= 0 || content.length + tail.length <= maxLength) {
            return concat(content, content.length, tail);
        }
        int tailKept = tail.length <= maxLength ? tail.length : 0;
        int contentKept = prefixLength(content, maxLength - tailKept);
        return concat(content, contentKept, Arrays.copyOf(tail, tailKept));
    }

    private static byte[] concat(byte[] content, int contentLength, byte[] tail) {
        byte[] out = Arrays.copyOf(content, contentLength + tail.length);
        System.arraycopy(tail, 0, out, contentLength, tail.length);
        return out;
    }
}
