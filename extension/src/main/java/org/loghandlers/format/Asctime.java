package org.loghandlers.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Python's {@code Formatter.formatTime}: the record time through a {@code time.strftime} format in a time zone;
 * without a date format, {@code %Y-%m-%d %H:%M:%S} followed by a comma and the milliseconds. The text of the
 * current second is cached, so most records cost a comparison and a copy. Immutable apart from that cache;
 * a formatter replaces the whole object when an option changes.
 */
final class Asctime {

    static final String DEFAULT_TIME_FORMAT = "%Y-%m-%d %H:%M:%S";

    private final ZoneId zone;
    private final StrftimeFormat dateFormat;
    private final boolean appendMillis;
    private volatile SecondText cache = new SecondText(Long.MIN_VALUE, "");

    /**
     * @param dateFormat a {@code datefmt}, or null for Python's default with milliseconds
     * @param zone the zone the wall-clock fields are shown in
     */
    Asctime(StrftimeFormat dateFormat, ZoneId zone) {
        this.zone = zone;
        this.dateFormat = dateFormat == null ? StrftimeFormat.compile(DEFAULT_TIME_FORMAT) : dateFormat;
        this.appendMillis = dateFormat == null;
    }

    /**
     * Appends the date text.
     *
     * @param instant the record's instant, for {@code %f}
     * @param epochSecond the second shown: Python's {@code floor(created)}, which a float can round up
     * @param millis Python's {@code msecs}
     */
    void append(StringBuilder out, Instant instant, long epochSecond, int millis) {
        if (dateFormat.usesSubSecond()) {
            dateFormat.append(out, instant.atZone(zone));
            return;
        }
        out.append(secondText(epochSecond));
        if (appendMillis) {
            out.append(',');
            if (millis < 100) {
                out.append('0');
            }
            if (millis < 10) {
                out.append('0');
            }
            out.append(millis);
        }
    }

    /** As {@link #append}, in UTF-8. */
    void appendUtf8(Utf8Text out, Instant instant, long epochSecond, int millis) {
        if (dateFormat.usesSubSecond()) {
            StringBuilder scratch = FormatBuffer.take();
            try {
                dateFormat.append(scratch, instant.atZone(zone));
                out.appendUtf8(scratch);
            } finally {
                FormatBuffer.release(scratch);
            }
            return;
        }
        out.appendEncoded(second(epochSecond).utf8);
        if (appendMillis) {
            out.appendAscii(',');
            out.appendAscii((char) ('0' + millis / 100));
            out.appendAscii((char) ('0' + millis / 10 % 10));
            out.appendAscii((char) ('0' + millis % 10));
        }
    }

    String text(Instant instant, long epochSecond, int millis) {
        if (!appendMillis && !dateFormat.usesSubSecond()) {
            return secondText(epochSecond);
        }
        StringBuilder out = new StringBuilder(32);
        append(out, instant, epochSecond, millis);
        return out.toString();
    }

    private String secondText(long epochSecond) {
        return second(epochSecond).text;
    }

    private SecondText second(long epochSecond) {
        SecondText cached = cache;
        if (cached.epochSecond == epochSecond) {
            return cached;
        }
        SecondText fresh = new SecondText(epochSecond,
                dateFormat.render(Instant.ofEpochSecond(epochSecond).atZone(zone)));
        cache = fresh;
        return fresh;
    }

    private static final class SecondText {
        final long epochSecond;
        final String text;
        final byte[] utf8;

        SecondText(long epochSecond, String text) {
            this.epochSecond = epochSecond;
            this.text = text;
            this.utf8 = text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
