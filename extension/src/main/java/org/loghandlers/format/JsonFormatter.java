package org.loghandlers.format;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * Formats each record as one JSON object on one line, without a line terminator (the handler adds it). The fields,
 * in this order: {@code timestamp} (ISO-8601 with milliseconds and offset), {@code level} (Python name),
 * {@code levelno} (Python number), {@code javaLevel}, {@code logger}, {@code message} (parameters merged),
 * {@code thread} (name), {@code threadId}, {@code sequence}, for a record received from elsewhere
 * ({@link RemoteRecord}) its sender's {@code host}, {@code process} and {@code processName}, {@code sourceClass} and
 * {@code sourceMethod} (left out when unknown), {@code parameters} (their {@code String.valueOf}, left out when
 * none), {@code mdc} (from a JBoss LogManager record or a received one, left out otherwise or when empty) and {@code exception} ({@code class}, {@code message},
 * {@code stackTrace} and the {@code cause} chain; left out when none). Safe for concurrent use.
 */
public class JsonFormatter extends AppendingFormatter {

    private volatile boolean utc;
    private volatile IsoTimestamp timestamps = new IsoTimestamp(ZoneId.systemDefault());

    /** A formatter with the options the JDK's {@code logging.properties} sets for its class ({@code utc}). */
    public JsonFormatter() {
        LogManagerProperties.configure(this);
    }

    /**
     * Whether timestamps are in UTC rather than in the JVM's default time zone (read when the formatter is made or
     * this option set). Default false.
     */
    public void setUtc(boolean utc) {
        this.timestamps = new IsoTimestamp(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
        this.utc = utc;
    }

    /** Whether timestamps are in UTC. */
    public boolean isUtc() {
        return utc;
    }

    @Override
    public void formatTo(LogRecord record, StringBuilder out) {
        out.append('{');
        JsonText.appendName(out, "timestamp");
        out.append('"');
        timestamps.append(out, record.getInstant());
        out.append('"');
        JsonText.appendName(out, "level");
        JsonText.appendString(out, PythonLevel.name(record.getLevel()));
        JsonText.appendName(out, "levelno");
        out.append(PythonLevel.number(record.getLevel()));
        JsonText.appendName(out, "javaLevel");
        JsonText.appendString(out, record.getLevel().getName());
        JsonText.appendName(out, "logger");
        JsonText.appendString(out, record.getLoggerName());
        JsonText.appendName(out, "message");
        String merged = JBossRecords.formattedMessage(record);
        JsonText.appendString(out, merged != null ? merged : formatMessage(record));
        JsonText.appendName(out, "thread");
        JsonText.appendString(out, RecordText.threadName(record));
        JsonText.appendName(out, "threadId");
        out.append(record.getLongThreadID());
        JsonText.appendName(out, "sequence");
        out.append(record.getSequenceNumber());
        RemoteRecord remote = record instanceof RemoteRecord received ? received : null;
        if (remote != null) {
            appendOptional(out, "host", remote.getHost());
            if (remote.getProcess() >= 0) {
                JsonText.appendName(out, "process");
                out.append(remote.getProcess());
            }
            appendOptional(out, "processName", remote.getProcessName());
        }
        appendOptional(out, "sourceClass", record.getSourceClassName());
        appendOptional(out, "sourceMethod", record.getSourceMethodName());
        appendParameters(out, record.getParameters());
        appendMdc(out, remote != null ? remote.getMdc() : JBossRecords.mdc(record));
        if (record.getThrown() != null) {
            JsonText.appendName(out, "exception");
            appendException(out, record.getThrown());
        }
        out.append('}');
    }

    private static void appendOptional(StringBuilder out, String name, String value) {
        if (value != null) {
            JsonText.appendName(out, name);
            JsonText.appendString(out, value);
        }
    }

    private static void appendParameters(StringBuilder out, Object[] parameters) {
        if (parameters == null || parameters.length == 0) {
            return;
        }
        JsonText.appendName(out, "parameters");
        out.append('[');
        for (int i = 0; i < parameters.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonText.appendString(out, String.valueOf(parameters[i]));
        }
        out.append(']');
    }

    private static void appendMdc(StringBuilder out, Map<String, ?> mdc) {
        if (mdc == null || mdc.isEmpty()) {
            return;
        }
        JsonText.appendName(out, "mdc");
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> entry : mdc.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonText.appendString(out, entry.getKey());
            out.append(':');
            JsonText.appendString(out, entry.getValue() == null ? null : entry.getValue().toString());
        }
        out.append('}');
    }

    private static void appendException(StringBuilder out, Throwable thrown) {
        out.append('{');
        JsonText.appendName(out, "class");
        JsonText.appendString(out, thrown.getClass().getName());
        JsonText.appendName(out, "message");
        JsonText.appendString(out, thrown.getMessage());
        JsonText.appendName(out, "stackTrace");
        JsonText.appendString(out, RecordText.stackTrace(thrown));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(thrown);
        int open = 1;
        for (Throwable cause = thrown.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            JsonText.appendName(out, "cause");
            out.append('{');
            JsonText.appendName(out, "class");
            JsonText.appendString(out, cause.getClass().getName());
            JsonText.appendName(out, "message");
            JsonText.appendString(out, cause.getMessage());
            open++;
        }
        for (int i = 0; i < open; i++) {
            out.append('}');
        }
    }
}
