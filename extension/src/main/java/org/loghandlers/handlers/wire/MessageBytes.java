package org.loghandlers.handlers.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes of one message as a handler builds them, reused from message to message: appended in UTF-8 as
 * {@code String.getBytes(UTF_8)} encodes (a lone surrogate becomes {@code ?}), cut on a character boundary, and
 * framed in place, with room kept in front for a prefix such as RFC 6587's octet count. Not thread-safe.
 */
public final class MessageBytes {

    /** Room in front: the longest prefix, a length of up to ten digits and a space. */
    private static final int HEADROOM = 11;
    private static final int MAX_KEPT_BYTES = 64 * 1024;

    private byte[] bytes = new byte[512];
    private int start = HEADROOM;
    private int end = HEADROOM;
    private ByteBuffer view = ByteBuffer.wrap(bytes);

    /** An empty message. */
    public MessageBytes() {
    }

    /** A message holding {@code content}. */
    public static MessageBytes of(byte[] content) {
        MessageBytes message = new MessageBytes();
        message.append(content);
        return message;
    }

    /** Empties the message for the next one. */
    public void clear() {
        if (bytes.length > MAX_KEPT_BYTES) {
            bytes = new byte[512];
        }
        start = HEADROOM;
        end = HEADROOM;
    }

    /** The message's length in bytes. */
    public int length() {
        return end - start;
    }

    public void append(byte[] content) {
        ensure(content.length);
        System.arraycopy(content, 0, bytes, end, content.length);
        end += content.length;
    }

    /** Appends one byte ({@code 0} to {@code 255}). */
    public void appendByte(int b) {
        ensure(1);
        bytes[end++] = (byte) b;
    }

    /** Appends {@code value} in decimal digits. */
    public void appendDecimal(int value) {
        if (value < 0) {
            appendByte('-');
            if (value == Integer.MIN_VALUE) {
                appendUtf8("2147483648");
                return;
            }
            value = -value;
        }
        int digits = digits(value);
        ensure(digits);
        end += digits;
        for (int at = end - 1; at >= end - digits; at--) {
            bytes[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Appends {@code value} as exactly {@code width} digits, zeros in front ({@code value} is not negative). */
    public void appendZeroPadded(int value, int width) {
        ensure(width);
        end += width;
        for (int at = end - 1; at >= end - width; at--) {
            bytes[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Appends {@code text} in UTF-8. */
    public void appendUtf8(CharSequence text) {
        int length = text.length();
        ensure(3 * length);
        byte[] out = bytes;
        int at = end;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | c >>> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (!Character.isSurrogate(c)) {
                out[at++] = (byte) (0xe0 | c >>> 12);
                out[at++] = (byte) (0x80 | c >>> 6 & 0x3f);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xf0 | codePoint >>> 18);
                out[at++] = (byte) (0x80 | codePoint >>> 12 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint >>> 6 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint & 0x3f);
            } else {
                out[at++] = '?';
            }
        }
        end = at;
    }

    /**
     * Makes the message {@code tail} after its content, in at most {@code maxLength} bytes (0 or less: no limit), as
     * {@link Utf8Truncation#fit} does: the content cut on a character boundary to leave room for the tail.
     */
    public void fit(byte[] tail, int maxLength) {
        if (maxLength > 0 && length() + tail.length > maxLength) {
            int tailKept = tail.length <= maxLength ? tail.length : 0;
            end = start + Utf8Truncation.prefixLength(bytes, start, end, maxLength - tailKept);
            ensure(tailKept);
            System.arraycopy(tail, 0, bytes, end, tailKept);
            end += tailKept;
            return;
        }
        append(tail);
    }

    /** Puts {@code value} in decimal digits and then {@code separator} in front of the message. */
    public void prependDecimal(int value, int separator) {
        if (value < 0) {
            throw new IllegalArgumentException("a length cannot be negative: " + value);
        }
        bytes[--start] = (byte) separator;
        do {
            bytes[--start] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
    }

    /** Replaces every byte {@code from} of the message by {@code to}. */
    public void replace(int from, int to) {
        for (int i = start; i < end; i++) {
            if (bytes[i] == (byte) from) {
                bytes[i] = (byte) to;
            }
        }
    }

    /** The message as a buffer from its position to its limit, valid until the message changes. */
    public ByteBuffer buffer() {
        if (view.array() != bytes) {
            view = ByteBuffer.wrap(bytes);
        }
        view.limit(end).position(start);
        return view;
    }

    public byte[] toByteArray() {
        return Arrays.copyOfRange(bytes, start, end);
    }

    private void ensure(int more) {
        if (bytes.length - end < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + more));
        }
    }

    private static int digits(int value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }
}
