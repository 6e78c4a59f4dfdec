package org.loghandlers.handlers;

import java.util.logging.LogRecord;

/**
 * A handler that a {@link QueueListener} can feed in batches: it writes each record of a batch without flushing it,
 * and the listener calls {@code flush()} once when the batch ends (the queue ran empty or the batch limit was
 * reached), so a record waits no longer than its batch. Log4j2's asynchronous loggers flush the same way. Our
 * stream and file handlers are such handlers, whatever their {@code autoFlush}; records they get directly from a
 * logger are still flushed as {@code autoFlush} says.
 */
public interface BatchTarget extends FilterOnlyHandler {

    /** As {@link #handle}: the filter applies, the level does not; but the record is not flushed on its own. */
    void handleInBatch(LogRecord record);
}
