package org.loghandlers.handlers;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/** Makes the copy of a record that {@link QueueHandler#prepare} puts on the queue. */
final class RecordSnapshot {

    /** Only its {@code formatMessage}, JUL's merge of a message with its parameters, is used. */
    private static final Formatter MESSAGE_MERGER = new SimpleFormatter();

    private RecordSnapshot() {
    }

    /**
     * A copy of {@code record} whose mutable parts are fixed now: with a {@code formatter} the message is the
     * formatter's full text and the exception is cleared (Python's rule); without one the message is merged with
     * its parameters and the exception kept for the consumer's formatter.
     */
    static LogRecord of(LogRecord record, Formatter formatter, boolean callerLocation) {
        String formatted = formatter == null ? null : formatter.format(record);
        LogRecord jbossCopy = JBossRecordCopier.copy(record, formatted, callerLocation);
        if (jbossCopy != null) {
            return jbossCopy;
        }
        if (formatted != null) {
            return new PreparedRecord(record, formatted, null, callerLocation);
        }
        return new PreparedRecord(record, MESSAGE_MERGER.formatMessage(record), record.getThrown(), callerLocation);
    }
}
