package org.loghandlers.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * Rolls the file over when the next record would bring it to {@code maxBytes}: Python's
 * {@code logging.handlers.RotatingFileHandler}. Backups are {@code app.log.1} (the newest) to
 * {@code app.log.<backupCount>} (the oldest, deleted at the next rollover).
 *
 * <p>File names and contents match CPython 3.13 on the same records: a record that would make the file reach
 * {@code maxBytes} goes to a fresh file; a record larger than {@code maxBytes} is still written whole; an empty file
 * is never rolled over; a device such as {@code /dev/null} never is either. One deliberate difference:
 * {@code maxBytes} counts encoded bytes, not characters, so the limit holds for any encoding. With
 * {@code backupCount} 0 the file grows without bound, as in Python (which closes and reopens it on every record;
 * this handler just keeps writing).
 */
public class RotatingFileHandler extends BaseRotatingHandler {

    private volatile long maxBytes;
    private volatile int backupCount;

    /** A handler to be configured through its setters (see {@link FileHandler#FileHandler()}). */
    public RotatingFileHandler() {
        LogManagerProperties.configure(this);
    }

    /** Appends to {@code fileName}, rolling over at {@code maxBytes} and keeping {@code backupCount} backups. */
    public RotatingFileHandler(String fileName, long maxBytes, int backupCount) {
        this(fileName, "a", maxBytes, backupCount, false);
    }

    /** Python's full signature; {@code mode} is forced to {@code a} when {@code maxBytes} is positive. */
    public RotatingFileHandler(String fileName, String mode, long maxBytes, int backupCount, boolean delay) {
        setFileName(fileName);
        setMode(mode);
        setMaxBytes(maxBytes);
        setBackupCount(backupCount);
        setDelay(delay);
        openUnlessDelayed();
    }

    /** The size in bytes the file may not reach; 0 (the default) never rolls over. */
    public void setMaxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes: " + maxBytes + " is negative; expected 0 (never roll over)"
                    + " or a positive number of bytes");
        }
        this.maxBytes = maxBytes;
    }

    public long getMaxBytes() {
        return maxBytes;
    }

    /** How many backups to keep (default 0: none, and the file is never rolled over). */
    public void setBackupCount(int backupCount) {
        if (backupCount < 0) {
            throw new IllegalArgumentException("backupCount: " + backupCount + " is negative; expected 0 or more");
        }
        this.backupCount = backupCount;
    }

    public int getBackupCount() {
        return backupCount;
    }

    /** Python's rule: truncate on first open only when the file never rolls over. */
    @Override
    boolean truncateOnOpen() {
        return maxBytes == 0 && "w".equals(getMode());
    }

    @Override
    protected boolean shouldRollover(LogRecord record, int encodedLength) {
        LogFile file = file();
        if (maxBytes <= 0 || backupCount == 0 || file == null || !file.isRegular()) {
            return false;
        }
        long position = file.size();
        return position > 0 && position + encodedLength >= maxBytes;
    }

    @Override
    protected void doRollover() throws IOException {
        closeFile();
        String base = getFileName();
        if (backupCount > 0) {
            for (int i = backupCount - 1; i > 0; i--) {
                Path source = pathOf(rotationFilename(base + "." + i));
                Path destination = pathOf(rotationFilename(base + "." + (i + 1)));
                if (Files.exists(source)) {
                    Files.deleteIfExists(destination);
                    Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Path newest = pathOf(rotationFilename(base + ".1"));
            Files.deleteIfExists(newest);
            rotate(path(), newest);
        }
        if (!isDelay()) {
            ensureOpen();
        }
    }
}
