package org.loghandlers.tck;

import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A user's own handler with a Handler-typed option: {@code target} names another declared handler. */
public class ForwardingHandler extends Handler {

    private volatile Handler target;

    public void setTarget(Handler target) {
        this.target = target;
    }

    public Handler getTarget() {
        return target;
    }

    @Override
    public void publish(LogRecord record) {
        Handler current = target;
        if (current != null && isLoggable(record)) {
            current.publish(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
