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

    static boolean passesFilter(Handler handler, LogRecord record) {
        java.util.logging.Filter filter = handler.getFilter();
        return filter == null || filter.isLoggable(record);
    }
}
