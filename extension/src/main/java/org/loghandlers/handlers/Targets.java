package org.loghandlers.handlers;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.loghandlers.format.AppendingFormatter;

/** How our forwarding handlers pass a record on to a target handler. */
final class Targets {

    private Targets() {
    }

    /**
     * Python's {@code target.handle(record)}: the target's level is ignored when the target allows it (see
     * {@link FilterOnlyHandler}), otherwise the record goes through {@code publish}.
     */
    static void handleIgnoringLevel(Handler target, LogRecord record) {
        if (target instanceof FilterOnlyHandler) {
            ((FilterOnlyHandler) target).handle(record);
        } else {
            target.publish(record);
        }
    }

    /**
     * A queue listener's delivery of one record of a batch it will flush at the end: as
     * {@link #handleIgnoringLevel}, or through {@code publish} when {@code respectLevel} (after the listener's own
     * level check), without a flush per record where the target is a {@link BatchTarget}.
     */
    static void handleInBatch(Handler target, LogRecord record, boolean respectLevel) {
        if (target instanceof BatchTarget) {
            ((BatchTarget) target).handleInBatch(record);
        } else if (respectLevel) {
            target.publish(record);
        } else {
            handleIgnoringLevel(target, record);
        }
    }

    /**
     * Whether a queue listener may give {@code target} the queue's own {@code record}, which is reused once the call
     * returns, rather than a copy: only a {@link BatchTarget}, which promises not to keep it, and for a record from
     * JBoss LogManager only when the target formats with one of our formatters (which read what the record captured),
     * since another library's formatter expects an {@code ExtLogRecord}.
     */
    static boolean takesReusedRecord(Handler target, PreparedRecord record) {
        if (!(target instanceof BatchTarget)) {
            return false;
        }
        if (!record.isFromJBoss()) {
            return true;
        }
        Formatter formatter = target.getFormatter();
        return formatter == null || formatter instanceof AppendingFormatter;
    }

    /**
     * Whether a queue listener flushes {@code handler} when a batch ends and when it stops. Not for handlers that
     * keep records by design (our memory and buffering handlers, the JDK's {@code MemoryHandler}): their flush sends
     * the buffer on, which they do by their own rules (capacity, flush level, close), as behind Python's listener.
     */
    static boolean flushedByListener(Handler handler) {
        return !(handler instanceof BufferingHandler) && !(handler instanceof java.util.logging.MemoryHandler);
    }

    static boolean passesFilter(Handler handler, LogRecord record) {
        java.util.logging.Filter filter = handler.getFilter();
        return filter == null || filter.isLoggable(record);
    }
}
