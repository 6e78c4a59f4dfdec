package org.loghandlers.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * Writes records to a file: Python's {@code logging.FileHandler}, with {@code fileName}, {@code mode}
 * ({@code a} appends, {@code w} truncates on first open), {@code encoding} (UTF-8 by default) and {@code delay}
 * (open on the first record rather than at once).
 *
 * <p>Beyond Python: missing parent directories are created; a failing disk is reported once and the file is reopened
 * by itself when the cause goes away; a file that vanishes (its directory deleted) is noticed within a second and
 * recreated; a failed write is cut back so no line is left split. A reopen after a failure always appends, even in
 * mode {@code w}, so nothing already written is lost. After {@link #close()} records are ignored.
 */
public class FileHandler extends StreamHandler {

    private static final long VANISH_CHECK_MILLIS = TimeUnit.SECONDS.toMillis(1);

    private volatile Path path;
    private volatile String mode = "a";
    private volatile boolean delay;
    private boolean opened;
    private LogFile file;
    /** The event time of the record at which the file was last looked for (or was opened). */
    private long lastVanishCheckMillis;

    /**
     * A handler to be configured through its setters, starting from what the JDK's {@code logging.properties} sets
     * for its class; it opens its file on the first record.
     */
    public FileHandler() {
        this((Void) null);
        LogManagerProperties.configure(this);
    }

    /** For subclasses and the other constructors: nothing read from the LogManager, the file opened later. */
    FileHandler(Void unconfigured) {
        super((Void) null);
        this.delay = true;
    }

    /** Appends to {@code fileName}, opening it now. */
    public FileHandler(String fileName) {
        this(fileName, "a", false);
    }

    /** Writes to {@code fileName} in {@code mode} ({@code a} or {@code w}), opening it now unless {@code delay}. */
    public FileHandler(String fileName, String mode, boolean delay) {
        this((Void) null);
        setFileName(fileName);
        setMode(mode);
        setDelay(delay);
        openUnlessDelayed();
    }

    /** Opens the file now, as Python's constructors do, unless {@code delay} is set. */
    final void openUnlessDelayed() {
        if (delay) {
            return;
        }
        lock.lock();
        try {
            ensureOpen();
        } finally {
            lock.unlock();
        }
    }

    /** The file to write; relative names are resolved against the working directory. Required. */
    public void setFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("fileName: '" + fileName + "' is empty; expected a file path");
        }
        Path resolved;
        try {
            resolved = Paths.get(fileName).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("fileName: '" + fileName + "' is not a valid path: " + e.getMessage(), e);
        }
        if (Files.isDirectory(resolved)) {
            throw new IllegalArgumentException("fileName: '" + fileName + "' is a directory; expected a file path");
        }
        lock.lock();
        try {
            closeFile();
            path = resolved;
            opened = false;
        } finally {
            lock.unlock();
        }
    }

    /** The absolute path of the file: Python's {@code baseFilename}. */
    public String getFileName() {
        Path current = path;
        return current == null ? null : current.toString();
    }

    /** {@code a} (default) appends; {@code w} truncates the file when it is first opened. */
    public void setMode(String mode) {
        String normalized = mode == null ? "" : mode.trim().toLowerCase(java.util.Locale.ROOT);
        if (!normalized.equals("a") && !normalized.equals("w")) {
            throw new IllegalArgumentException("mode: '" + mode + "' is not supported; expected 'a' (append) or"
                    + " 'w' (truncate on first open)");
        }
        this.mode = normalized;
    }

    public String getMode() {
        return mode;
    }

    /** Whether to wait for the first record before opening the file (default {@code false}). */
    public void setDelay(boolean delay) {
        this.delay = delay;
    }

    public boolean isDelay() {
        return delay;
    }

    Path path() {
        return path;
    }

    /** The open file, or null when it is not open; called under {@link #lock}. */
    LogFile file() {
        return file;
    }

    /** The mode the file is opened in; rotating handlers always append. */
    boolean truncateOnOpen() {
        return "w".equals(mode);
    }

    @Override
    protected void emit(LogRecord record, byte[] encoded, int length) throws IOException {
        if (!ensureOpen()) {
            writeOutage.lost(describe() + ": cannot open " + path, null, ErrorManager.OPEN_FAILURE);
            return;
        }
        if (startsBatchOrStandsAlone()) {
            checkVanished(record);
        }
        writeRecord(encoded, length);
    }

    /** Writes bytes to the open file, dropping the file on failure so that the next record reopens it. */
    final void writeRecord(byte[] encoded, int length) {
        try {
            file.write(encoded, 0, length);
            if (flushesThisRecord()) {
                file.flush();
            }
            writeOutage.succeeded();
        } catch (IOException | RuntimeException e) {
            dropFile();
            writeOutage.lost(describe() + ": cannot write to " + path + ": " + e.getMessage(), e,
                    ErrorManager.WRITE_FAILURE);
        }
    }

    /**
     * Opens the file unless it is open; called under {@link #lock}. Returns false, and reports once, when it cannot.
     */
    final boolean ensureOpen() {
        if (file != null) {
            return true;
        }
        Path target = path;
        if (target == null) {
            writeOutage.failed(describe() + ": no fileName is set", null, ErrorManager.OPEN_FAILURE);
            return false;
        }
        try {
            file = LogFile.open(target, !opened && truncateOnOpen());
            opened = true;
            lastVanishCheckMillis = System.currentTimeMillis();
            return true;
        } catch (IOException | RuntimeException e) {
            writeOutage.failed(describe() + ": cannot open " + target + ": " + e.getMessage(), e,
                    ErrorManager.OPEN_FAILURE);
            return false;
        }
    }

    /**
     * Reopens the file if it was removed, looking at most once a second of the records' own event times: reading a
     * clock for every record would cost more than the rest of a buffered write. A record stamped a second or more
     * before the last look (a clock set back, a record received from elsewhere) looks too.
     */
    private void checkVanished(LogRecord record) {
        long millis = record.getMillis();
        if (Math.abs(millis - lastVanishCheckMillis) < VANISH_CHECK_MILLIS || !file.isRegular()) {
            return;
        }
        lastVanishCheckMillis = millis;
        if (!Files.exists(file.path())) {
            writeOutage.failed(describe() + ": " + file.path() + " was removed; reopening it", null,
                    ErrorManager.WRITE_FAILURE);
            dropFile();
            ensureOpen();
        }
    }

    /** Closes the file, writing out what is buffered; called under {@link #lock}. */
    final void closeFile() {
        LogFile current = file;
        if (current == null) {
            return;
        }
        file = null;
        try {
            current.close();
        } catch (IOException | RuntimeException e) {
            writeOutage.failed(describe() + ": cannot close " + current.path() + ": " + e.getMessage(), e,
                    ErrorManager.CLOSE_FAILURE);
        }
    }

    /** Forgets a failing file without writing its buffer; called under {@link #lock}. */
    final void dropFile() {
        LogFile current = file;
        file = null;
        if (current != null) {
            current.discard();
        }
    }

    @Override
    protected void flushQuietly() {
        if (file == null) {
            return;
        }
        try {
            file.flush();
        } catch (IOException | RuntimeException e) {
            dropFile();
            writeOutage.failed(describe() + ": cannot flush " + path + ": " + e.getMessage(), e,
                    ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    protected void closeOutput() {
        closeFile();
    }

    /** The open file as a stream, or null while it is not open. */
    @Override
    public java.io.OutputStream getStream() {
        lock.lock();
        try {
            return file;
        } finally {
            lock.unlock();
        }
    }

    /** Not supported: a file handler writes to its own file. */
    @Override
    public java.io.OutputStream setStream(java.io.OutputStream newStream) {
        if (newStream != null) {
            throw new UnsupportedOperationException(describe() + " writes to its file; set fileName instead");
        }
        return null;
    }

    @Override
    protected String describe() {
        return getClass().getSimpleName() + " " + path;
    }
}
