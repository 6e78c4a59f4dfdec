package org.loghandlers.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * A record as the attribute dictionary of a Python {@code LogRecord} ({@code record.__dict__}), in Python's order,
 * for the handlers that send that dictionary over the network: the pickle of {@code SocketHandler} and
 * {@code DatagramHandler}, the form of {@code HTTPHandler}. Values are {@code String}, {@code Long}, {@code Double},
 * {@code null} (Python's {@code None}) and, for unmerged {@code args}, an {@code Object[]} (Python's tuple).
 */
public final class PythonRecordDict {

    private PythonRecordDict() {
    }

    /**
     * The dictionary {@code SocketHandler.makePickle} sends: {@code msg} is the merged message, {@code args} and
     * {@code exc_info} are None, {@code exc_text} is the traceback text when the record has a Throwable (else None).
     *
     * @param messageFormatter merges the message's parameters ({@code Formatter.formatMessage})
     */
    public static Map<String, Object> merged(LogRecord record, Formatter messageFormatter) {
        RecordFields fields = new RecordFields(record, messageFormatter, null);
        return of(fields, fields.message(), null);
    }

    /**
     * The dictionary {@code HTTPHandler.mapLogRecord} sends: {@code msg} is the message template as logged and
     * {@code args} its parameters (an empty array when there are none), {@code exc_text} None unless the record
     * has a Throwable.
     */
    public static Map<String, Object> unmerged(LogRecord record) {
        RecordFields fields = new RecordFields(record, null, null);
        Object[] parameters = record.getParameters();
        return of(fields, record.getMessage(), parameters == null ? new Object[0] : parameters.clone());
    }

    private static Map<String, Object> of(RecordFields fields, String msg, Object[] args) {
        Map<String, Object> dict = new LinkedHashMap<>();
        LogRecord record = fields.record;
        dict.put("name", record.getLoggerName());
        dict.put("msg", msg);
        dict.put("args", args);
        dict.put("levelname", PythonLevel.name(record.getLevel()));
        dict.put("levelno", (long) PythonLevel.number(record.getLevel()));
        dict.put("pathname", fields.pathname());
        dict.put("filename", fields.filename());
        dict.put("module", fields.module());
        dict.put("exc_info", null);
        dict.put("exc_text", record.getThrown() == null ? null : fields.exceptionText());
        dict.put("stack_info", null);
        dict.put("lineno", fields.lineno());
        dict.put("funcName", fields.funcName());
        dict.put("created", fields.created());
        dict.put("msecs", fields.msecs());
        dict.put("relativeCreated", fields.relativeCreated());
        dict.put("thread", record.getLongThreadID());
        dict.put("threadName", RecordText.threadName(record));
        dict.put("processName", fields.processName());
        dict.put("process", fields.processId());
        dict.put("taskName", null);
        return dict;
    }
}
