package org.loghandlers.handlers;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import org.loghandlers.format.AppendingFormatter;
import org.loghandlers.format.PerThread;

/**
 * One thread's reusable buffers for turning a record into the bytes a handler writes: the formatted text with its
 * terminator, then its encoding. With our formatters and an ASCII-compatible character set a record is formatted and
 * encoded without allocating; the bytes are valid until the same thread encodes its next record.
 *
 * <p>A record whose parameters log while being formatted re-enters on the same thread; the nested record gets fresh
 * buffers instead of the ones in use.
 */
final class EncodedRecord {

    private static final int MAX_KEPT_BYTES = 64 * 1024;
    private static final PerThread<EncodedRecord> BUFFERS = new PerThread<>(EncodedRecord::new);

    private final StringBuilder text = new StringBuilder(256);
    private byte[] bytes = new byte[512];
    /** The text's characters copied out in one bulk copy, which a loop over an array reads faster than charAt. */
    private char[] chars = new char[512];
    private int length;
    private ByteBuffer view = ByteBuffer.wrap(bytes);
    private CharsetEncoder encoder;
    private boolean inUse;

    /** This thread's buffers, or fresh ones while this thread's are in use; give them back with {@link #release}. */
    static EncodedRecord take() {
        EncodedRecord buffers = BUFFERS.get();
        if (buffers.inUse) {
            return new EncodedRecord();
        }
        buffers.inUse = true;
        return buffers;
    }

    void release() {
        inUse = false;
        text.setLength(0);
        if (bytes.length > MAX_KEPT_BYTES) {
            bytes = new byte[512];
        }
        if (chars.length > MAX_KEPT_BYTES) {
            chars = new char[512];
        }
        if (text.capacity() > MAX_KEPT_BYTES) {
            text.setLength(0);
            text.trimToSize();
        }
    }

    /** Formats {@code record}, adds {@code terminator} unless the text ends with it, and encodes the result. */
    void encode(LogRecord record, Formatter formatter, String terminator, Charset charset) {
        text.setLength(0);
        if (formatter instanceof AppendingFormatter) {
            ((AppendingFormatter) formatter).formatTo(record, text);
        } else {
            text.append(formatter.format(record));
        }
        if (!endsWith(text, terminator)) {
            text.append(terminator);
        }
        encodeText(charset);
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** The encoded bytes as a buffer from position 0 to its limit, valid as {@link #bytes()} are. */
    ByteBuffer buffer() {
        if (view.array() != bytes) {
            view = ByteBuffer.wrap(bytes);
        }
        view.limit(length).position(0);
        return view;
    }

    private static boolean endsWith(StringBuilder text, String suffix) {
        int offset = text.length() - suffix.length();
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (text.charAt(offset + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void encodeText(Charset charset) {
        int count = text.length();
        if (bytes.length < count) {
            bytes = new byte[Math.max(count, bytes.length * 2)];
        }
        if (isAsciiCompatible(charset)) {
            if (chars.length < count) {
                chars = new char[Math.max(count, chars.length * 2)];
            }
            text.getChars(0, count, chars, 0);
            char[] from = chars;
            byte[] to = bytes;
            int i = 0;
            for (; i < count; i++) {
                char c = from[i];
                if (c >= 0x80) {
                    break;
                }
                to[i] = (byte) c;
            }
            if (i == count) {
                length = count;
                return;
            }
        }
        encodeWithEncoder(charset);
    }

    private static boolean isAsciiCompatible(Charset charset) {
        return charset == StandardCharsets.UTF_8 || charset == StandardCharsets.ISO_8859_1
                || charset == StandardCharsets.US_ASCII;
    }

    private void encodeWithEncoder(Charset charset) {
        if (encoder == null || !encoder.charset().equals(charset)) {
            encoder = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
        }
        CharBuffer in = CharBuffer.wrap(text);
        int estimate = (int) Math.ceil(text.length() * (double) encoder.maxBytesPerChar()) + 16;
        if (bytes.length < estimate) {
            bytes = new byte[estimate];
        }
        ByteBuffer out = ByteBuffer.wrap(bytes);
        encoder.reset();
        CoderResult result = encoder.encode(in, out, true);
        if (!result.isUnderflow() || !encoder.flush(out).isUnderflow()) {
            byte[] whole = text.toString().getBytes(charset);
            bytes = whole.length > bytes.length ? whole : bytes;
            System.arraycopy(whole, 0, bytes, 0, whole.length);
            length = whole.length;
            return;
        }
        length = out.position();
    }
}
