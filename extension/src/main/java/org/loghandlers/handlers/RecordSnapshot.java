package org.loghandlers.handlers;

import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.loghandlers.format.CapturedRecord;

/**
 * What {@link QueueHandler#prepare} fixes on the logging thread before a record leaves it: the message (merged, or
 * the queue's formatter's full text), the MDC and the caller. The costly parts are done here, before a slot of the
 * ring is claimed; {@link PreparedRecord#fill} then only copies fields.
 */
final class RecordSnapshot {

    /** Only its {@code formatMessage}, JUL's merge of a message with its parameters, is used. */
    private static final Formatter MESSAGE_MERGER = new SimpleFormatter();

    private RecordSnapshot() {
    }

    /**
     * The queued message: with a {@code formatter}, its full text (Python's rule); without one, the message merged
     * with its parameters, in the record's own style for a JBoss LogManager record (whose methods {@code jboss}
     * holds; null for any other record).
     */
    static String message(LogRecord record, Formatter formatter, JBossRecordCopier.Access jboss) {
        if (formatter != null) {
            return formatter.format(record);
        }
        if (record instanceof PreparedRecord) {
            return record.getMessage();
        }
        if (jboss != null) {
            return JBossRecordCopier.formattedMessage(jboss, record);
        }
        return MESSAGE_MERGER.formatMessage(record);
    }

    /** The exception the queued record keeps: none once a formatter has printed it into the message. */
    static Throwable thrown(LogRecord record, Formatter formatter) {
        return formatter == null ? record.getThrown() : null;
    }

    /** The MDC as it is now: a JBoss LogManager record's, or what a prepared record captured; else empty. */
    static Map<String, ?> mdc(LogRecord record, JBossRecordCopier.Access jboss) {
        if (record instanceof CapturedRecord) {
            return ((CapturedRecord) record).getCapturedMdc();
        }
        if (jboss != null) {
            return JBossRecordCopier.mdc(jboss, record);
        }
        return Map.of();
    }

    /** Finds the caller now, on the logging thread (a stack walk unless the record already knows it). */
    static void findCaller(LogRecord record) {
        record.getSourceClassName();
    }

    /**
     * Python's {@code prepare}: a copy of {@code record} whose mutable parts are fixed now, a {@link PreparedRecord},
     * or an {@code ExtLogRecord} for a JBoss LogManager record. The queue's ring records are filled the same way.
     */
    static LogRecord of(LogRecord record, Formatter formatter, boolean callerLocation) {
        JBossRecordCopier.Access jboss = JBossRecordCopier.accessOf(record);
        String message = message(record, formatter, jboss);
        Map<String, ?> mdc = mdc(record, jboss);
        if (callerLocation) {
            findCaller(record);
        }
        PreparedRecord prepared = new PreparedRecord(record, message, thrown(record, formatter), callerLocation, mdc);
        return prepared.isFromJBoss() ? prepared.copyToKeep() : prepared;
    }
}
