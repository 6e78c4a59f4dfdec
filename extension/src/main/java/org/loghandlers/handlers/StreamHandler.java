package org.loghandlers.handlers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.options.LogManagerProperties;

/**
 * Writes each record to an {@link OutputStream}, {@code System.err} by default: Python's
 * {@code logging.StreamHandler}.
 *
 * <p>Each record is formatted outside the handler's lock, the {@link #setTerminator terminator} is appended unless
 * the text already ends with it (so JUL and JBoss patterns that end in a newline work unchanged), and the encoded
 * bytes go out in one write followed by a flush. {@link #close()} flushes but does not close the stream, as in
 * Python. A failing stream is reported once through the {@code ErrorManager} until a write succeeds again.
 */
public class StreamHandler extends Handler implements BatchTarget {

    private static final Formatter PYTHON_DEFAULT = new PythonFormatter(PythonFormatter.DEFAULT_FORMAT);

    /** Guards the stream and every subclass's output state. */
    protected final ReentrantLock lock = new ReentrantLock();
    final OutageReporter writeOutage = new OutageReporter(this);

    private OutputStream stream;
    private volatile String terminator = "\n";
    private volatile Charset charset = StandardCharsets.UTF_8;
    private volatile boolean autoFlush = true;
    private volatile boolean closed;
    /** Set under {@link #lock} while a queue listener writes a record of a batch it flushes at its end. */
    private boolean writingBatch;
    /** Set under {@link #lock} once a record of the current batch is written; a {@link #flush} ends the batch. */
    private boolean batchUnderway;

    /**
     * A handler writing to {@code System.err}, looked up now as Python does, with the options the JDK's
     * {@code logging.properties} sets for its class ({@code stream=stdout} among them).
     */
    public StreamHandler() {
        this(System.err);
        LogManagerProperties.configure(this);
    }

    /** A handler writing to {@code stream}; {@code null} means {@code System.err}. */
    public StreamHandler(OutputStream stream) {
        this.stream = stream == null ? System.err : stream;
        setErrorManager(new ReportingErrorManager());
    }

    /** For subclasses that manage their own output instead of a stream. */
    StreamHandler(Void ownOutput) {
        setErrorManager(new ReportingErrorManager());
    }

    /**
     * Replaces the stream, flushing the old one first; returns the old stream, or {@code null} when
     * {@code newStream} is the stream already in use. The old stream is not closed.
     */
    public OutputStream setStream(OutputStream newStream) {
        lock.lock();
        try {
            if (newStream == stream) {
                return null;
            }
            OutputStream old = stream;
            flushQuietly();
            stream = newStream;
            return old;
        } finally {
            lock.unlock();
        }
    }

    /** The stream records are written to. */
    public OutputStream getStream() {
        lock.lock();
        try {
            return stream;
        } finally {
            lock.unlock();
        }
    }

    /** What ends each record, {@code "\n"} by default; may be empty. Not appended twice. */
    public void setTerminator(String terminator) {
        if (terminator == null) {
            throw new IllegalArgumentException("terminator must not be null; use \"\" for none");
        }
        this.terminator = terminator;
    }

    public String getTerminator() {
        return terminator;
    }

    /**
     * Whether each record is flushed as it is written (default {@code true}, as in Python). A queue listener
     * feeding this handler writes its records in batches and flushes at the end of each batch instead, whatever
     * this says.
     */
    public void setAutoFlush(boolean autoFlush) {
        this.autoFlush = autoFlush;
    }

    public boolean isAutoFlush() {
        return autoFlush;
    }

    /** The character set records are encoded in; {@code null} means UTF-8 (the default). */
    @Override
    public void setEncoding(String encoding) {
        Charset chosen = charsetFor(encoding);
        try {
            super.setEncoding(chosen.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalArgumentException(invalidEncoding(encoding), e);
        }
        this.charset = chosen;
    }

    @Override
    public String getEncoding() {
        return charset.name();
    }

    /** The character set records are encoded in. */
    public Charset getCharset() {
        return charset;
    }

    /** How many records could not be written because of an output failure since this handler was made. */
    public long getLostRecordCount() {
        return writeOutage.lostRecords();
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || closed || !isLoggable(record)) {
            return;
        }
        write(record, false);
    }

    /** Python's {@code handle}: applies the filter but not the level, as a memory or queue target expects. */
    @Override
    public void handle(LogRecord record) {
        handle(record, false);
    }

    /**
     * As {@link #handle}, for a queue listener's batch: the record is not flushed on its own, the listener flushes
     * this handler when the batch ends (the queue ran empty or a batch limit was reached).
     */
    @Override
    public void handleInBatch(LogRecord record) {
        handle(record, true);
    }

    private void handle(LogRecord record, boolean inBatch) {
        if (record == null || closed || !Targets.passesFilter(this, record)) {
            return;
        }
        write(record, inBatch);
    }

    private void write(LogRecord record, boolean inBatch) {
        EncodedRecord encoded = EncodedRecord.take();
        try {
            if (!encode(record, encoded)) {
                return;
            }
            lock.lock();
            try {
                if (!closed) {
                    writingBatch = inBatch;
                    emit(record, encoded.bytes(), encoded.length());
                    batchUnderway = inBatch;
                }
            } catch (IOException | RuntimeException e) {
                writeOutage.lost(describe() + ": could not write a record", e, ErrorManager.WRITE_FAILURE);
            } finally {
                writingBatch = false;
                lock.unlock();
            }
        } finally {
            encoded.release();
        }
    }

    /**
     * Whether the record {@link #emit} is writing is to be flushed at once: {@link #isAutoFlush autoFlush}, unless
     * it is part of a queue listener's batch. Called under {@link #lock}.
     */
    protected final boolean flushesThisRecord() {
        return autoFlush && !writingBatch;
    }

    /**
     * Whether the record {@link #emit} is writing is the first of a queue listener's batch, or not part of a batch:
     * where a check that is enough once a batch (has the file gone, is it still the same file) is made. Called under
     * {@link #lock}.
     */
    final boolean startsBatchOrStandsAlone() {
        return !writingBatch || !batchUnderway;
    }

    /**
     * Writes one encoded record, the first {@code length} bytes of {@code encoded}; called under {@link #lock}.
     * Subclasses decide here where the bytes go and what to do first (roll over, reopen). The array is reused for
     * the next record: copy what must outlive the call.
     */
    protected void emit(LogRecord record, byte[] encoded, int length) throws IOException {
        OutputStream out = stream;
        if (out == null) {
            return;
        }
        out.write(encoded, 0, length);
        if (flushesThisRecord()) {
            out.flush();
        }
        writeOutage.succeeded();
    }

    /** Formats, terminates and encodes the record into {@code encoded}; false, reported, if formatting failed. */
    private boolean encode(LogRecord record, EncodedRecord encoded) {
        Formatter formatter = getFormatter();
        try {
            encoded.encode(record, formatter != null ? formatter : PYTHON_DEFAULT, terminator, charset);
            return true;
        } catch (RuntimeException e) {
            reportError(describe() + ": could not format a record of logger " + record.getLoggerName(), e,
                    ErrorManager.FORMAT_FAILURE);
            return false;
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            batchUnderway = false;
            flushQuietly();
        } finally {
            lock.unlock();
        }
    }

    /** Flushes the output; called under {@link #lock}. */
    protected void flushQuietly() {
        OutputStream out = stream;
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException | RuntimeException e) {
            writeOutage.failed(describe() + ": could not flush", e, ErrorManager.FLUSH_FAILURE);
        }
    }

    /** Flushes and stops accepting records; the stream itself stays open. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeOutput();
        } finally {
            lock.unlock();
        }
    }

    /** Releases the output when the handler closes; called under {@link #lock}. */
    protected void closeOutput() {
        flushQuietly();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Names this handler in error reports. */
    protected String describe() {
        return getClass().getSimpleName();
    }

    static Charset charsetFor(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(invalidEncoding(encoding), e);
        }
    }

    private static String invalidEncoding(String encoding) {
        return "encoding: '" + encoding + "' is not a character set this JVM supports; expected a name such as"
                + " UTF-8, ISO-8859-1 or windows-1252";
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " (" + getLevel().getName() + ")>";
    }
}
