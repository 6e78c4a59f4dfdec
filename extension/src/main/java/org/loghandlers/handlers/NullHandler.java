package org.loghandlers.handlers;

import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * Accepts every record and does nothing with it: Python's {@code logging.NullHandler}, for libraries that want a
 * handler in place without producing output, and for configurations that switch a destination off.
 */
public class NullHandler extends Handler {

    /** Reads {@code level} and {@code filter} for its class from the JDK's {@code logging.properties}. */
    public NullHandler() {
        LogManagerProperties.configure(this);
    }

    @Override
    public void publish(LogRecord record) {
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
