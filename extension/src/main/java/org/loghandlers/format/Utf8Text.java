package org.loghandlers.format;

import java.util.Arrays;

/**
 * A growable run of UTF-8 bytes that a formatter writes a record into directly, so a handler writing UTF-8 gets a
 * record's bytes without a {@code StringBuilder}, a {@code String} or a character-set encoder in between. Text is
 * encoded as {@code String.getBytes(UTF_8)} encodes it: a lone surrogate becomes {@code ?}. Not thread-safe: one
 * thread fills an instance, then reads {@link #bytes()} up to {@link #length()}.
 */
public final class Utf8Text {

    private byte[] bytes;
    private int length;

    /** An empty text with room for {@code capacity} bytes before it grows. */
    public Utf8Text(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** The bytes written so far, from index 0 to {@link #length()}; the array is replaced when the text grows. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** Empties the text; with {@code keepAtMost}, a grown array longer than that is given up for a small one. */
    public void clear(int keepAtMost) {
        length = 0;
        if (bytes.length > keepAtMost) {
            bytes = new byte[Math.max(16, Math.min(512, keepAtMost))];
        }
    }

    /** The last byte; {@code -1} when the text is empty. */
    public int lastByte() {
        return length == 0 ? -1 : bytes[length - 1];
    }

    /** Whether the text ends with {@code suffix}. */
    public boolean endsWith(byte[] suffix) {
        int offset = length - suffix.length;
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (bytes[offset + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Appends one ASCII character. */
    public void appendAscii(char c) {
        if (length == bytes.length) {
            grow(1);
        }
        bytes[length++] = (byte) c;
    }

    /** Appends bytes that are already UTF-8. */
    public void appendEncoded(byte[] encoded) {
        int count = encoded.length;
        if (length + count > bytes.length) {
            grow(count);
        }
        System.arraycopy(encoded, 0, bytes, length, count);
        length += count;
    }

    /** Appends {@code text} encoded as UTF-8. */
    public void appendUtf8(CharSequence text) {
        int count = text.length();
        if (length + count > bytes.length) {
            grow(count);
        }
        byte[] out = bytes;
        int at = length;
        int i = 0;
        while (i < count) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            out[at++] = (byte) c;
            i++;
        }
        length = at;
        if (i < count) {
            appendNonAscii(text, i, count);
        }
    }

    /** The rest of {@code text} from {@code from}, which holds a character outside ASCII. */
    private void appendNonAscii(CharSequence text, int from, int count) {
        int remaining = count - from;
        if (length + remaining * 3 > bytes.length) {
            grow(remaining * 3);
        }
        byte[] out = bytes;
        int at = length;
        for (int i = from; i < count; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < count ? text.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int codePoint = Character.toCodePoint(c, low);
                    out[at++] = (byte) (0xF0 | codePoint >> 18);
                    out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | codePoint & 0x3F);
                    i++;
                } else {
                    out[at++] = '?';
                }
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        length = at;
    }

    private void grow(int extra) {
        long needed = (long) length + extra;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("a formatted record of more than 2 GiB");
        }
        bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, bytes.length * 2L)));
    }
}
