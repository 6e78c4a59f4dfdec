package org.loghandlers.handlers;

import java.util.logging.Handler;
import java.util.logging.LogRecord;

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

    static boolean passesFilter(Handler handler, LogRecord record) {
        java.util.logging.Filter filter = handler.getFilter();
        return filter == null || filter.isLoggable(record);
    }
}
