package org.loghandlers.handlers;

import java.io.IOException;
import java.util.Objects;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * A {@link FileHandler} that reopens its file when it was moved or deleted, as logrotate expects: Python's
 * {@code logging.handlers.WatchedFileHandler}.
 *
 * <p>Before each record it compares the identity of the file at the path (device and inode) with that of the file
 * it has open, and reopens by path when they differ or the file is gone. A file truncated in place (logrotate's
 * {@code copytruncate}) keeps its identity and is written on as it is. Behind a queue, whose listener writes records
 * in batches and flushes once per batch, the identity is checked before the first record of each batch instead of
 * before every record: one {@code stat} per batch, as the batch is one write.
 */
public class WatchedFileHandler extends FileHandler {

    /** A handler to be configured through its setters (see {@link FileHandler#FileHandler()}). */
    public WatchedFileHandler() {
        super((Void) null);
        LogManagerProperties.configure(this);
    }

    /** Appends to {@code fileName}, opening it now. */
    public WatchedFileHandler(String fileName) {
        super(fileName);
    }

    /** Writes to {@code fileName} in {@code mode}, opening it now unless {@code delay}. */
    public WatchedFileHandler(String fileName, String mode, boolean delay) {
        super(fileName, mode, delay);
    }

    @Override
    protected void emit(LogRecord record, byte[] encoded, int length) throws IOException {
        if (startsBatchOrStandsAlone()) {
            reopenIfNeeded();
        }
        super.emit(record, encoded, length);
    }

    /** Reopens the file when the one at the path is no longer the one open; called under {@link #lock}. */
    protected void reopenIfNeeded() {
        LogFile open = file();
        if (open == null) {
            return;
        }
        Object current;
        try {
            current = LogFile.keyOf(open.path());
        } catch (IOException e) {
            return; // The path cannot be examined right now; keep writing to the file that is open.
        }
        // A null key at open means the file vanished while being opened: reopen rather than trust it.
        if (open.fileKey() == null || !Objects.equals(current, open.fileKey())) {
            closeFile();
        }
    }
}
