package org.loghandlers.receivers;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

import org.loghandlers.format.PythonLevel;

/**
 * Turns what a sender sent into a {@link ReceivedRecord}: the attribute dict of a Python {@code LogRecord} (what
 * {@code SocketHandler} pickles; {@code logging.makeLogRecord} reads the same dict), or the object our
 * {@link org.loghandlers.format.JsonFormatter} writes. Both take the sender's {@code host} field when it sent one,
 * else the host the caller names (a socket's peer address).
 */
public final class ReceivedRecords {

    /** The attributes every Python LogRecord has; any other key of the dict came from {@code extra=}. */
    static final Set<String> PYTHON_ATTRIBUTES = Set.of("name", "msg", "args", "levelname", "levelno", "pathname",
            "filename", "module", "exc_info", "exc_text", "stack_info", "lineno", "funcName", "created", "msecs",
            "relativeCreated", "thread", "threadName", "processName", "process", "taskName", "message", "asctime",
            "host");

    private static final String UNKNOWN_FILE = "(unknown file)";
    private static final String UNKNOWN_FUNCTION = "(unknown function)";

    private ReceivedRecords() {
    }

    /**
     * A record from a Python {@code LogRecord}'s attribute dict: {@code name} is the logger, {@code levelno} the
     * level ({@link PythonLevel#ofRecord}; {@code levelname} when there is no number), {@code msg} the message as
     * sent (SocketHandler sends it merged with its arguments), {@code created} the instant, {@code thread} the
     * thread id, {@code threadName}, {@code process} and {@code processName} the sender's, {@code pathname} and
     * {@code funcName} the source class and method, {@code exc_text} (followed by {@code stack_info}) a
     * {@link RemoteTraceback}; the {@code extra=} keys become the MDC, as text.
     *
     * @throws IllegalArgumentException when {@code value} is not a dict
     */
    public static ReceivedRecord fromPythonDict(Object value, String host) {
        if (!(value instanceof Map<?, ?> dict)) {
            throw new IllegalArgumentException("not a record: the frame holds a " + PythonText.typeName(value)
                    + ", not a dict");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        dict.forEach((key, item) -> {
            if (key instanceof String name) {
                attributes.put(name, item);
            }
        });
        ReceivedRecord record = new ReceivedRecord(pythonLevel(attributes), pythonMessage(attributes));
        record.setLoggerName(text(attributes.get("name")));
        if (attributes.get("created") instanceof Number created) {
            record.setInstant(instantOfSeconds(created.doubleValue()));
        }
        if (attributes.get("thread") instanceof Number thread) {
            record.setLongThreadID(thread.longValue());
        }
        record.setThreadName(text(attributes.get("threadName")));
        if (attributes.get("process") instanceof Number process) {
            record.setProcess(process.longValue());
        }
        record.setProcessName(text(attributes.get("processName")));
        record.setSourceClassName(known(text(attributes.get("pathname")), UNKNOWN_FILE));
        record.setSourceMethodName(known(text(attributes.get("funcName")), UNKNOWN_FUNCTION));
        String excText = text(attributes.get("exc_text"));
        String traceback = joined(excText, text(attributes.get("stack_info")));
        if (traceback != null) {
            record.setThrown(new RemoteTraceback(traceback, null, excText == null || excText.isEmpty() ? null
                    : RemoteTraceback.lastLine(excText)));
        }
        Map<String, String> mdc = new LinkedHashMap<>();
        attributes.forEach((name, item) -> {
            if (!PYTHON_ATTRIBUTES.contains(name)) {
                mdc.put(name, PythonText.str(item));
            }
        });
        record.setMdc(mdc);
        record.setHost(attributes.get("host") instanceof String sent ? sent : host);
        record.setAttributes(attributes);
        return record;
    }

    /**
     * A record from a JSON object as {@link org.loghandlers.format.JsonFormatter} writes it: {@code logger},
     * {@code message}, {@code timestamp}, {@code javaLevel} (else {@code levelno}, else {@code level}),
     * {@code thread} (the name), {@code threadId}, {@code sourceClass}, {@code sourceMethod}, {@code mdc},
     * {@code exception} (its {@code stackTrace}, {@code class} and {@code message}), and {@code host},
     * {@code process} and {@code processName} when present.
     *
     * @throws IllegalArgumentException when {@code value} is not an object, or a field is there with a wrong value
     */
    public static ReceivedRecord fromJson(Object value, String host) {
        if (!(value instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("not a record: the line holds a JSON " + jsonType(value)
                    + ", not an object");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        object.forEach((key, item) -> attributes.put((String) key, item));
        ReceivedRecord record = new ReceivedRecord(jsonLevel(attributes), text(attributes.get("message")));
        record.setLoggerName(text(attributes.get("logger")));
        if (attributes.get("timestamp") instanceof String timestamp) {
            try {
                record.setInstant(OffsetDateTime.parse(timestamp).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp: '" + PythonText.excerpt(timestamp)
                        + "' is not an ISO-8601 date-time with an offset");
            }
        }
        if (attributes.get("threadId") instanceof Number thread) {
            record.setLongThreadID(thread.longValue());
        }
        record.setThreadName(text(attributes.get("thread")));
        if (attributes.get("process") instanceof Number process) {
            record.setProcess(process.longValue());
        }
        record.setProcessName(text(attributes.get("processName")));
        record.setSourceClassName(text(attributes.get("sourceClass")));
        record.setSourceMethodName(text(attributes.get("sourceMethod")));
        if (attributes.get("exception") instanceof Map<?, ?> exception) {
            String stackTrace = text(exception.get("stackTrace"));
            String className = text(exception.get("class"));
            String message = text(exception.get("message"));
            String shown = stackTrace != null ? stackTrace
                    : className == null ? String.valueOf(message) : message == null ? className
                    : className + ": " + message;
            record.setThrown(new RemoteTraceback(shown, className, message));
        }
        Map<String, String> mdc = new LinkedHashMap<>();
        if (attributes.get("mdc") instanceof Map<?, ?> sentMdc) {
            sentMdc.forEach((key, item) -> mdc.put(String.valueOf(key), item instanceof String
                    || item instanceof Number || item instanceof Boolean || item == null ? String.valueOf(item)
                    : PythonText.str(item)));
        }
        record.setMdc(mdc);
        record.setHost(attributes.get("host") instanceof String sent ? sent : host);
        record.setAttributes(attributes);
        return record;
    }

    private static Level pythonLevel(Map<String, Object> attributes) {
        if (attributes.get("levelno") instanceof Number number) {
            return PythonLevel.ofRecord(clampedInt(number));
        }
        if (attributes.get("levelname") instanceof String name) {
            try {
                return PythonLevel.parse(name);
            } catch (IllegalArgumentException e) {
                // a custom level name without its number: keep the record at INFO
            }
        }
        return Level.INFO;
    }

    private static Level jsonLevel(Map<String, Object> attributes) {
        if (attributes.get("javaLevel") instanceof String javaLevel) {
            try {
                return PythonLevel.parse(javaLevel);
            } catch (IllegalArgumentException e) {
                // a level of the sender's own: fall back to the Python number
            }
        }
        if (attributes.get("levelno") instanceof Number number) {
            return PythonLevel.ofRecord(clampedInt(number));
        }
        if (attributes.get("level") instanceof String name) {
            try {
                return PythonLevel.parse(name);
            } catch (IllegalArgumentException e) {
                // unknown: INFO below
            }
        }
        return Level.INFO;
    }

    private static String pythonMessage(Map<String, Object> attributes) {
        Object msg = attributes.get("msg");
        return msg instanceof String text ? text : PythonText.str(msg);
    }

    private static int clampedInt(Number number) {
        if (number instanceof BigInteger big) {
            return big.signum() > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
        long value = number.longValue();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    /** Python's {@code created}, seconds since the epoch as a float, to the nearest microsecond it can hold. */
    static Instant instantOfSeconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || Math.abs(seconds) > 1e15) {
            return Instant.now();
        }
        long micros = Math.round(seconds * 1e6);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof String s ? s : PythonText.str(value);
    }

    private static String known(String value, String unknown) {
        return value == null || value.equals(unknown) ? null : value;
    }

    private static String joined(String excText, String stackInfo) {
        boolean hasExc = excText != null && !excText.isEmpty();
        boolean hasStack = stackInfo != null && !stackInfo.isEmpty();
        if (hasExc && hasStack) {
            return excText + "\n" + stackInfo;
        }
        return hasExc ? excText : hasStack ? stackInfo : null;
    }

    private static String jsonType(Object value) {
        if (value instanceof List<?>) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value == null ? "null" : "boolean";
    }
}
