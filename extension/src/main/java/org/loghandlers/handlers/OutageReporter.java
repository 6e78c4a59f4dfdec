package org.loghandlers.handlers;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;

/**
 * Turns a stream of failures of one kind into one report per outage: the first failure is reported through the
 * handler's {@code ErrorManager}, later ones are only counted until an operation succeeds again.
 */
final class OutageReporter {

    private final Handler handler;
    private final AtomicLong lostRecords = new AtomicLong();
    private volatile boolean inOutage;

    OutageReporter(Handler handler) {
        this.handler = handler;
    }

    /** Records a failure; reports it unless this outage was already reported. */
    void failed(String message, Exception cause, int code) {
        if (!inOutage) {
            inOutage = true;
            handler.getErrorManager().error(message, cause, code);
        }
    }

    /** Records a failure that cost a record. */
    void lost(String message, Exception cause, int code) {
        lostRecords.incrementAndGet();
        failed(message, cause, code);
    }

    void succeeded() {
        if (inOutage) {
            inOutage = false;
        }
    }

    boolean inOutage() {
        return inOutage;
    }

    long lostRecords() {
        return lostRecords.get();
    }
}
