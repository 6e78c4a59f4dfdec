package org.loghandlers.handlers;

import java.util.logging.LogRecord;

/**
 * A handler that a {@link QueueListener} can feed in batches: it writes each record of a batch without flushing it,
 * and the listener calls {@code flush()} once when the batch ends (the queue ran empty or the batch limit was
 * reached), so a record waits no longer than its batch. Log4j2's asynchronous loggers flush the same way. Our
 * stream and file handlers are such handlers, whatever their {@code autoFlush}; records they get directly from a
 * logger are still flushed as {@code autoFlush} says.
 *
 * <p>A batch target also promises to be done with the record when {@link #handleInBatch} returns (it, its filter and
 * its formatter keep no reference to it), so the listener gives it the queue's own record, which is reused for a
 * later one, instead of a copy. A handler that keeps records (a memory handler's buffer, another library's
 * asynchronous handler) must not implement this interface; the listener gives it a copy of its own.
 */
public interface BatchTarget extends FilterOnlyHandler {

    /**
     * As {@link #handle}: the filter applies, the level does not; but the record is not flushed on its own, and it is
     * valid only until this returns.
     */
    void handleInBatch(LogRecord record);
}
