package org.loghandlers.format;

import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * Python's {@code logging.Formatter} with {@code %} style for {@code java.util.logging}: a format such as
 * {@code "%(asctime)s %(levelname)-8s %(name)s: %(message)s"} names Python's {@code LogRecord} attributes, filled
 * from the JUL record (see {@code docs/formatters.adoc} for where each comes from). When the record has a
 * Throwable, its stack trace follows the text on a new line, as Python appends the traceback.
 *
 * <p>The format and the date format are parsed when set; formatting a record walks the parsed pieces, reuses a
 * per-thread buffer and takes the date text from a per-second cache. Safe for concurrent use, including while an
 * option changes.
 */
public class PythonFormatter extends AppendingFormatter {

    /** Python's default format. */
    public static final String DEFAULT_FORMAT = "%(message)s";

    /** When this class was loaded, in nanoseconds since the epoch: the origin of {@code relativeCreated}. */
    static final long LOADED_AT_NANOS = RecordFields.epochNanos(Instant.now());

    private volatile PercentFormat format;
    private volatile String dateFormat;
    private volatile boolean utc;
    private volatile Asctime asctime;
    /** False for a subclass that changes {@link #formatTo} or {@link #format}: its text then comes from those. */
    private final boolean formatsUtf8Directly = keepsOwnText(getClass());

    /**
     * A formatter for {@value #DEFAULT_FORMAT}, like Python's {@code Formatter()}, or for the {@code format},
     * {@code dateFormat} and {@code utc} the JDK's {@code logging.properties} sets for its class.
     */
    public PythonFormatter() {
        this(DEFAULT_FORMAT, null);
        LogManagerProperties.configure(this);
    }

    /** A formatter for {@code format}, with Python's default date text. */
    public PythonFormatter(String format) {
        this(format, null);
    }

    /** A formatter for {@code format} with {@code dateFormat} ({@code datefmt}; null for Python's default). */
    public PythonFormatter(String format, String dateFormat) {
        this.format = PercentFormat.parse(format);
        this.dateFormat = normalize(dateFormat);
        this.asctime = new Asctime(compile(this.dateFormat), zone(false));
    }

    /**
     * The {@code %}-style format (Python's {@code fmt}), default {@value #DEFAULT_FORMAT}.
     *
     * @throws IllegalArgumentException naming the option, the value and the accepted attributes and conversions,
     *     when an attribute is unknown or a conversion malformed
     */
    public void setFormat(String format) {
        this.format = PercentFormat.parse(format);
    }

    /** The {@code %}-style format. */
    public String getFormat() {
        return format.pattern();
    }

    /**
     * The {@code time.strftime} format of {@code %(asctime)s} (Python's {@code datefmt}); null or empty (the
     * default) gives {@code 2003-07-08 16:49:45,896}. With a date format no milliseconds are added, as in Python.
     *
     * @throws IllegalArgumentException naming the option, the value and the accepted directives
     */
    public void setDateFormat(String dateFormat) {
        String normalized = normalize(dateFormat);
        StrftimeFormat compiled = compile(normalized);
        synchronized (this) {
            this.dateFormat = normalized;
            this.asctime = new Asctime(compiled, zone(utc));
        }
    }

    /** The date format, null for Python's default. */
    public String getDateFormat() {
        return dateFormat;
    }

    /**
     * Whether dates are shown in UTC (Python's {@code converter = time.gmtime}; {@code %Z} shows {@code GMT}) rather
     * than in the JVM's default time zone, read when the formatter is made or this option set. Default false.
     */
    public void setUtc(boolean utc) {
        synchronized (this) {
            String current = dateFormat;
            this.utc = utc;
            this.asctime = new Asctime(compile(current), zone(utc));
        }
    }

    /** Whether dates are shown in UTC. */
    public boolean isUtc() {
        return utc;
    }

    /**
     * Whether the format has {@code %(pathname)s}, {@code %(filename)s}, {@code %(module)s}, {@code %(funcName)s} or
     * {@code %(lineno)d}.
     */
    @Override
    public boolean usesCallerLocation() {
        return format.usesCallerLocation();
    }

    @Override
    public void formatTo(LogRecord record, StringBuilder out) {
        int start = out.length();
        RecordFields fields = RecordFields.take(record, this, asctime);
        try {
            format.append(out, fields);
            if (record.getThrown() != null) {
                String exceptionText = fields.exceptionText();
                if (out.length() == start || out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                out.append(exceptionText);
            }
        } finally {
            fields.release();
        }
    }

    @Override
    public boolean formatUtf8To(LogRecord record, Utf8Text out) {
        if (!formatsUtf8Directly) {
            return false;
        }
        int start = out.length();
        RecordFields fields = RecordFields.take(record, this, asctime);
        try {
            format.appendUtf8(out, fields);
            if (record.getThrown() != null) {
                String exceptionText = fields.exceptionText();
                if (out.length() == start || out.lastByte() != '\n') {
                    out.appendAscii('\n');
                }
                out.appendUtf8(exceptionText);
            }
        } finally {
            fields.release();
        }
        return true;
    }

    private static boolean keepsOwnText(Class<?> type) {
        try {
            return type.getMethod("formatTo", LogRecord.class, StringBuilder.class).getDeclaringClass()
                    == PythonFormatter.class
                    && type.getMethod("format", LogRecord.class).getDeclaringClass() == AppendingFormatter.class;
        } catch (NoSuchMethodException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static String normalize(String dateFormat) {
        return dateFormat == null || dateFormat.isEmpty() ? null : dateFormat;
    }

    private static StrftimeFormat compile(String dateFormat) {
        return dateFormat == null ? null : StrftimeFormat.compile(dateFormat);
    }

    private static ZoneId zone(boolean utc) {
        return utc ? ZoneId.of("GMT") : ZoneId.systemDefault();
    }
}
