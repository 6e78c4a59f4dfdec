package org.loghandlers.format;

import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One record as Python's {@code LogRecord} attributes see it, computing each value when a format asks for it and
 * keeping the costly ones (message, traceback text) for the rest of the record. A {@link RemoteRecord} answers with
 * what its sender sent (process, pathname, line number...) where it sent it.
 *
 * <p>Each formatting thread reuses one instance ({@link #take}, {@link #release}), so formatting a record allocates
 * nothing here; a record whose parameters log while it is being formatted re-enters on the same thread and gets a
 * fresh one.
 */
final class RecordFields {

    static final String UNKNOWN_FILE = "(unknown file)";
    static final String UNKNOWN_FUNCTION = "(unknown function)";

    private static final long PROCESS_ID = ProcessHandle.current().pid();
    private static final PerThread<RecordFields> REUSED = new PerThread<>(RecordFields::new);

    LogRecord record;
    private Formatter formatter;
    private Asctime asctime;
    private String message;
    private String exceptionText;
    private boolean inUse;
    /** The file name made from the last class name seen, kept from record to record: most come from few classes. */
    private String filenameOfClass;
    private String filenameClass;
    /** The module made from the last file name seen. */
    private String moduleOfFilename;
    private String moduleFilename;

    private RecordFields() {
    }

    /** This thread's instance for {@code record}, or a fresh one while it is in use; see {@link #release}. */
    static RecordFields take(LogRecord record, Formatter formatter, Asctime asctime) {
        RecordFields fields = REUSED.get();
        if (fields.inUse) {
            fields = new RecordFields();
        }
        fields.inUse = true;
        fields.record = record;
        fields.formatter = formatter;
        fields.asctime = asctime;
        return fields;
    }

    /** Forgets the record, so that nothing of it stays reachable from the thread. */
    void release() {
        record = null;
        formatter = null;
        asctime = null;
        message = null;
        exceptionText = null;
        inUse = false;
    }

    String message() {
        if (message == null) {
            String merged = JBossRecords.formattedMessage(record);
            message = String.valueOf(merged != null ? merged : formatter.formatMessage(record));
        }
        return message;
    }

    String rawMessage() {
        return String.valueOf(record.getMessage());
    }

    /** The traceback text, empty when the record has no Throwable. */
    String exceptionText() {
        if (exceptionText == null) {
            Throwable thrown = record.getThrown();
            exceptionText = thrown == null ? "" : RecordText.stackTrace(thrown);
        }
        return exceptionText;
    }

    void appendAsctime(StringBuilder out) {
        asctime.append(out, record.getInstant(), (long) Math.floor(created()), (int) msecs());
    }

    void appendAsctimeUtf8(Utf8Text out) {
        asctime.appendUtf8(out, record.getInstant(), (long) Math.floor(created()), (int) msecs());
    }

    String asctime() {
        return asctime.text(record.getInstant(), (long) Math.floor(created()), (int) msecs());
    }

    /** Python's {@code created}: seconds since the epoch, from nanoseconds as Python 3.13 computes it. */
    double created() {
        Instant instant = record.getInstant();
        long seconds = instant.getEpochSecond();
        if (Math.abs(seconds) < 9_000_000_000L) {
            return epochNanos(instant) / 1e9;
        }
        return seconds + instant.getNano() / 1e9;
    }

    /**
     * Python's {@code msecs}: the whole milliseconds of the nanoseconds, except that 999 becomes 0 when
     * {@code created} rounded up to the next second (Python 3.13 does this so that asctime does not go back).
     */
    double msecs() {
        Instant instant = record.getInstant();
        int millis = instant.getNano() / 1_000_000;
        if (millis == 999 && (long) created() != instant.getEpochSecond()) {
            return 0;
        }
        return millis;
    }

    double relativeCreated() {
        if (sent("relativeCreated") instanceof Number sent) {
            return sent.doubleValue();
        }
        return (epochNanos(record.getInstant()) - PythonFormatter.LOADED_AT_NANOS) / 1e6;
    }

    long processId() {
        return record instanceof RemoteRecord remote ? remote.getProcess() : PROCESS_ID;
    }

    String processName() {
        String sent = record instanceof RemoteRecord remote ? remote.getProcessName() : null;
        return sent != null ? sent : "MainProcess";
    }

    String taskName() {
        return sent("taskName") instanceof String sent ? sent : "";
    }

    /** What a {@link RemoteRecord}'s sender sent under a Python attribute name; null for a local record. */
    private Object sent(String attribute) {
        return record instanceof RemoteRecord remote ? remote.getAttributes().get(attribute) : null;
    }

    String pathname() {
        if (sent("pathname") instanceof String sent) {
            return sent;
        }
        String className = record.getSourceClassName();
        return className == null ? UNKNOWN_FILE : className;
    }

    String filename() {
        if (sent("filename") instanceof String sent) {
            return sent;
        }
        String fromJBoss = JBossRecords.sourceFileName(record);
        if (fromJBoss != null) {
            return fromJBoss;
        }
        String className = record.getSourceClassName();
        if (className == null) {
            return UNKNOWN_FILE;
        }
        if (className != filenameClass) {
            filenameOfClass = topLevelSimpleName(className) + ".java";
            filenameClass = className;
        }
        return filenameOfClass;
    }

    String module() {
        if (sent("module") instanceof String sent) {
            return sent;
        }
        String filename = filename();
        if (filename != moduleFilename) {
            int dot = filename.lastIndexOf('.');
            moduleOfFilename = dot > 0 ? filename.substring(0, dot) : filename;
            moduleFilename = filename;
        }
        return moduleOfFilename;
    }

    String funcName() {
        if (sent("funcName") instanceof String sent) {
            return sent;
        }
        String method = record.getSourceMethodName();
        return method == null ? UNKNOWN_FUNCTION : method;
    }

    long lineno() {
        if (sent("lineno") instanceof Number sent) {
            return sent.longValue();
        }
        return Math.max(0, JBossRecords.sourceLineNumber(record));
    }

    private static String topLevelSimpleName(String className) {
        int start = className.lastIndexOf('.') + 1;
        int nested = className.indexOf('$', start);
        return className.substring(start, nested > start ? nested : className.length());
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
