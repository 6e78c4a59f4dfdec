package org.loghandlers.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * A record as the attribute dictionary of a Python {@code LogRecord} ({@code record.__dict__}), in Python's order,
 * for the handlers that send that dictionary over the network: the pickle of {@code SocketHandler} and
 * {@code DatagramHandler}, the form of {@code HTTPHandler}. As a {@code Map}, values are {@code String},
 * {@code Long}, {@code Double}, {@code null} (Python's {@code None}) and, for unmerged {@code args}, an
 * {@code Object[]} (Python's tuple); a pickler takes the same entries one by one ({@link #mergedTo}), without a map.
 */
public final class PythonRecordDict {

    /** How many entries the dictionary has. */
    public static final int SIZE = 21;

    private PythonRecordDict() {
    }

    /** Takes a record's dictionary entry by entry, in Python's order, with each value's Python type. */
    public interface Entries {

        /** A str, or None for null. */
        void text(String key, String value);

        void integer(String key, long value);

        void real(String key, double value);

        /** A tuple, or None for null. */
        void tuple(String key, Object[] value);
    }

    /**
     * The dictionary {@code SocketHandler.makePickle} sends: {@code msg} is the merged message, {@code args} and
     * {@code exc_info} are None, {@code exc_text} is the traceback text when the record has a Throwable (else None).
     *
     * @param messageFormatter merges the message's parameters ({@code Formatter.formatMessage})
     */
    public static Map<String, Object> merged(LogRecord record, Formatter messageFormatter) {
        MapEntries dict = new MapEntries();
        mergedTo(record, messageFormatter, dict);
        return dict.map;
    }

    /** The entries of {@link #merged}, handed to {@code out} one by one. */
    public static void mergedTo(LogRecord record, Formatter messageFormatter, Entries out) {
        RecordFields fields = RecordFields.take(record, messageFormatter, null);
        try {
            write(fields, fields.message(), null, out);
        } finally {
            fields.release();
        }
    }

    /**
     * The dictionary {@code HTTPHandler.mapLogRecord} sends: {@code msg} is the message template as logged and
     * {@code args} its parameters (an empty array when there are none), {@code exc_text} None unless the record
     * has a Throwable.
     */
    public static Map<String, Object> unmerged(LogRecord record) {
        RecordFields fields = RecordFields.take(record, null, null);
        try {
            Object[] parameters = record.getParameters();
            MapEntries dict = new MapEntries();
            write(fields, record.getMessage(), parameters == null ? new Object[0] : parameters.clone(), dict);
            return dict.map;
        } finally {
            fields.release();
        }
    }

    private static void write(RecordFields fields, String msg, Object[] args, Entries out) {
        LogRecord record = fields.record;
        out.text("name", record.getLoggerName());
        out.text("msg", msg);
        out.tuple("args", args);
        out.text("levelname", PythonLevel.name(record.getLevel()));
        out.integer("levelno", PythonLevel.number(record.getLevel()));
        out.text("pathname", fields.pathname());
        out.text("filename", fields.filename());
        out.text("module", fields.module());
        out.tuple("exc_info", null);
        out.text("exc_text", record.getThrown() == null ? null : fields.exceptionText());
        out.text("stack_info", null);
        out.integer("lineno", fields.lineno());
        out.text("funcName", fields.funcName());
        out.real("created", fields.created());
        out.real("msecs", fields.msecs());
        out.real("relativeCreated", fields.relativeCreated());
        out.integer("thread", record.getLongThreadID());
        out.text("threadName", RecordText.threadName(record));
        out.text("processName", fields.processName());
        out.integer("process", fields.processId());
        out.text("taskName", null);
    }

    /** The entries as a map in their order. */
    private static final class MapEntries implements Entries {
        final Map<String, Object> map = new LinkedHashMap<>();

        @Override
        public void text(String key, String value) {
            map.put(key, value);
        }

        @Override
        public void integer(String key, long value) {
            map.put(key, value);
        }

        @Override
        public void real(String key, double value) {
            map.put(key, value);
        }

        @Override
        public void tuple(String key, Object[] value) {
            map.put(key, value);
        }
    }
}
