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
import org.loghandlers.format.Utf8Text;

/**
 * One thread's reusable buffers for turning a record into the bytes a handler writes: the formatted text with its
 * terminator, then its encoding. A formatter that writes UTF-8 itself ({@link AppendingFormatter#formatUtf8To}) puts
 * a UTF-8 record's bytes straight into a byte buffer; otherwise the text is built in a {@code StringBuilder} and
 * encoded through the character set's encoder. With our formatters and an ASCII-compatible character set a record is
 * formatted and encoded without allocating; the bytes are valid until the same thread encodes its next record.
 *
 * <p>A record whose parameters log while being formatted re-enters on the same thread; the nested record gets fresh
 * buffers instead of the ones in use.
 */
final class EncodedRecord {

    private static final int MAX_KEPT_BYTES = 64 * 1024;
    private static final PerThread<EncodedRecord> BUFFERS = new PerThread<>(EncodedRecord::new);

    private final StringBuilder text = new StringBuilder(256);
    /** Where a formatter that writes UTF-8 itself puts the record's bytes. */
    private final Utf8Text utf8 = new Utf8Text(512);
    /** The last terminator seen and its UTF-8, so a terminator is encoded once, not once a record. */
    private String terminator = "";
    private byte[] terminatorUtf8 = new byte[0];
    /** What the character set's encoder writes into. */
    private byte[] encoded = new byte[512];
    /** The record's bytes: {@link #encoded} or the {@link #utf8} text's array. */
    private byte[] bytes = encoded;
    /** The text's characters copied out in one bulk copy, for the encoder to read as an array. */
    private char[] chars = new char[512];
    private int length;
    private ByteBuffer encodedView = ByteBuffer.wrap(encoded);
    private ByteBuffer utf8View = ByteBuffer.wrap(utf8.bytes());
    private CharBuffer charView = CharBuffer.wrap(chars);
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
        utf8.clear(MAX_KEPT_BYTES);
        if (encoded.length > MAX_KEPT_BYTES) {
            encoded = new byte[512];
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
            AppendingFormatter appending = (AppendingFormatter) formatter;
            if (StandardCharsets.UTF_8.equals(charset) && encodedDirectly(record, appending, terminator)) {
                return;
            }
            appending.formatTo(record, text);
        } else {
            text.append(formatter.format(record));
        }
        if (!endsWith(text, terminator)) {
            text.append(terminator);
        }
        encodeText(charset);
    }

    /** Lets {@code formatter} write UTF-8 itself, then adds the terminator; false if it has no such path. */
    private boolean encodedDirectly(LogRecord record, AppendingFormatter formatter, String terminator) {
        utf8.clear(Integer.MAX_VALUE);
        if (!formatter.formatUtf8To(record, utf8)) {
            return false;
        }
        byte[] ending = terminatorUtf8(terminator);
        if (!utf8.endsWith(ending)) {
            utf8.appendEncoded(ending);
        }
        bytes = utf8.bytes();
        length = utf8.length();
        return true;
    }

    private byte[] terminatorUtf8(String terminator) {
        if (!terminator.equals(this.terminator)) {
            terminatorUtf8 = terminator.getBytes(StandardCharsets.UTF_8);
            this.terminator = terminator;
        }
        return terminatorUtf8;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** The encoded bytes as a buffer from position 0 to its limit, valid as {@link #bytes()} are. */
    ByteBuffer buffer() {
        ByteBuffer view;
        if (bytes == encoded) {
            view = encodedView.array() == bytes ? encodedView : (encodedView = ByteBuffer.wrap(bytes));
        } else {
            view = utf8View.array() == bytes ? utf8View : (utf8View = ByteBuffer.wrap(bytes));
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

    /**
     * Encodes the text through the character set's encoder, reading the text's characters from one bulk copy: the
     * JDK's UTF-8 and ISO-8859-1 encoders turn a run of ASCII into bytes with one intrinsic, several times faster
     * than a loop over the characters.
     */
    private void encodeText(Charset charset) {
        int count = text.length();
        if (chars.length < count) {
            chars = new char[Math.max(count, chars.length * 2)];
        }
        text.getChars(0, count, chars, 0);
        CharsetEncoder encoder = encoderFor(charset);
        int estimate = (int) Math.ceil(count * (double) encoder.maxBytesPerChar()) + 16;
        if (encoded.length < estimate) {
            encoded = new byte[Math.max(estimate, encoded.length * 2)];
        }
        if (charView.array() != chars) {
            charView = CharBuffer.wrap(chars);
        }
        if (encodedView.array() != encoded) {
            encodedView = ByteBuffer.wrap(encoded);
        }
        CharBuffer in = charView;
        in.limit(count).position(0);
        ByteBuffer out = encodedView;
        out.clear();
        encoder.reset();
        if (!encoder.encode(in, out, true).isUnderflow() || !encoder.flush(out).isUnderflow()) {
            byte[] whole = text.toString().getBytes(charset);
            encoded = whole.length > encoded.length ? whole : encoded;
            System.arraycopy(whole, 0, encoded, 0, whole.length);
            length = whole.length;
        } else {
            length = out.position();
        }
        bytes = encoded;
    }

    private CharsetEncoder encoderFor(Charset charset) {
        CharsetEncoder current = encoder;
        if (current == null || !current.charset().equals(charset)) {
            current = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            encoder = current;
        }
        return current;
    }
}
