package org.loghandlers.handlers;

import java.util.logging.LogRecord;
import org.loghandlers.format.ThreadNamedRecord;

/**
 * A copy of a record made by {@link QueueHandler#prepare} on the logging thread, safe to format later on another
 * thread: its message is already merged with its parameters (which are cleared), and it keeps the name of the
 * thread that logged it, which a plain {@code LogRecord} does not carry.
 */
public final class PreparedRecord extends LogRecord implements ThreadNamedRecord {

    private static final long serialVersionUID = 1L;

    private final String threadName;

    PreparedRecord(LogRecord original, String message, Throwable thrown, boolean callerLocation) {
        super(original.getLevel(), message);
        setLoggerName(original.getLoggerName());
        setInstant(original.getInstant());
        setSequenceNumber(original.getSequenceNumber());
        setLongThreadID(original.getLongThreadID());
        setThrown(thrown);
        if (callerLocation) {
            setSourceClassName(original.getSourceClassName());
            setSourceMethodName(original.getSourceMethodName());
        } else {
            // Setting them stops the JDK from inferring the caller later, on the consumer's stack.
            setSourceClassName(null);
            setSourceMethodName(null);
        }
        threadName = original instanceof PreparedRecord
                ? ((PreparedRecord) original).threadName
                : Thread.currentThread().getName();
    }

    /** The name of the thread that logged the record. */
    @Override
    public String getThreadName() {
        return threadName;
    }
}
