package org.loghandlers.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.LogRecord;

/**
 * The rotating-file core: a {@link FileHandler} that asks {@link #shouldRollover} before each record and calls
 * {@link #doRollover} when it says so, as Python's {@code BaseRotatingHandler} does. Subclasses decide when (size,
 * time) and how the files are renamed; the {@link Namer}, the {@link Rotator} and gzip compression are shared.
 *
 * <p>A rollover that fails (a read-only directory, a full disk) is reported once; records keep going to the active
 * file, so nothing is lost, and the rollover is tried again at most once a second until it succeeds.
 */
public abstract class BaseRotatingHandler extends FileHandler {

    private static final long ROLLOVER_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final GzipRotator GZIP = new GzipRotator();

    final OutageReporter rolloverOutage = new OutageReporter(this);
    private volatile Namer namer;
    private volatile Rotator rotator;
    private volatile boolean compress;
    private long nextRolloverAttempt;

    /** Reads nothing from the LogManager: the concrete handler's no-argument constructor does, last. */
    protected BaseRotatingHandler() {
        super((Void) null);
    }

    /** Whether the record about to be written, {@code encodedLength} bytes long, must go to a fresh file. */
    protected abstract boolean shouldRollover(LogRecord record, int encodedLength) throws IOException;

    /** Moves the active file aside and starts a new one; called under {@link #lock}. */
    protected abstract void doRollover() throws IOException;

    @Override
    protected void emit(LogRecord record, byte[] encoded, int length) throws IOException {
        if (ensureOpen() && rolloverDue(record, length)) {
            try {
                doRollover();
                rolloverOutage.succeeded();
            } catch (IOException | RuntimeException e) {
                nextRolloverAttempt = System.nanoTime() + ROLLOVER_RETRY_NANOS;
                rolloverOutage.failed(describe() + ": rollover failed, records keep going to the active file: "
                        + e.getMessage(), e, ErrorManager.GENERIC_FAILURE);
            }
        }
        super.emit(record, encoded, length);
    }

    private boolean rolloverDue(LogRecord record, int encodedLength) throws IOException {
        if (rolloverOutage.inOutage() && System.nanoTime() - nextRolloverAttempt < 0) {
            return false;
        }
        return shouldRollover(record, encodedLength);
    }

    /** The name a rotated file gets: the namer's choice, with {@code .gz} added when compressing. */
    public String rotationFilename(String defaultName) {
        Namer current = namer;
        String name = current == null ? defaultName : current.name(defaultName);
        if (compress && !name.endsWith(GzipRotator.EXTENSION)) {
            name = name + GzipRotator.EXTENSION;
        }
        return name;
    }

    /** Moves {@code source} to {@code destination} with the rotator, gzip, or a rename; a missing source is skipped. */
    protected void rotate(Path source, Path destination) throws IOException {
        Rotator current = rotator;
        if (current != null) {
            current.rotate(source, destination);
        } else if (compress) {
            GZIP.rotate(source, destination);
        } else if (Files.exists(source)) {
            Files.move(source, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Turns a name the rotation produced into a path. */
    static Path pathOf(String name) {
        return Paths.get(name);
    }

    /** Renames rotated files: Python's {@code namer}. Default: none (the default names are kept). */
    public void setNamer(Namer namer) {
        this.namer = namer;
    }

    public Namer getNamer() {
        return namer;
    }

    /** Moves the active file to its rotated name: Python's {@code rotator}. Default: a rename. */
    public void setRotator(Rotator rotator) {
        this.rotator = rotator;
    }

    public Rotator getRotator() {
        return rotator;
    }

    /**
     * Whether rotated files are gzip-compressed and named {@code .gz} (default {@code false}). The active file is
     * never compressed; retention counts the compressed names.
     */
    public void setCompress(boolean compress) {
        this.compress = compress;
    }

    public boolean isCompress() {
        return compress;
    }

    /** Rotating handlers always append: a rollover must never truncate what was just rotated in. */
    @Override
    boolean truncateOnOpen() {
        return false;
    }
}
