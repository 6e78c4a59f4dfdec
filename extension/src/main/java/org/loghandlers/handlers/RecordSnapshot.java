package org.loghandlers.handlers;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** Makes the copy of a record that {@link QueueHandler#prepare} puts on the queue. */
final class RecordSnapshot {

    private static final Class<?> EXT_LOG_RECORD = jbossRecordClass();
    private static final Formatter MESSAGE_MERGER = DefaultFormat.INSTANCE;

    private RecordSnapshot() {
    }

    /**
     * A copy of {@code record} whose mutable parts are fixed now: with a {@code formatter} the message is the
     * formatter's full text and the exception is cleared (Python's rule); without one the message is merged with
     * its parameters and the exception kept for the consumer's formatter.
     */
    static LogRecord of(LogRecord record, Formatter formatter, boolean callerLocation) {
        String formatted = formatter == null ? null : formatter.format(record);
        if (EXT_LOG_RECORD != null && EXT_LOG_RECORD.isInstance(record)) {
            return JBossRecords.prepare(record, formatted, callerLocation);
        }
        if (formatted != null) {
            return new PreparedRecord(record, formatted, null, callerLocation);
        }
        return new PreparedRecord(record, MESSAGE_MERGER.formatMessage(record), record.getThrown(), callerLocation);
    }

    private static Class<?> jbossRecordClass() {
        try {
            return Class.forName("org.jboss.logmanager.ExtLogRecord", false, RecordSnapshot.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
