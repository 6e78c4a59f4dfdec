package org.loghandlers.benchmarks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The workload's line for the JDK's own {@code FileHandler}, which has no formatter that prints the thread name:
 * {@code yyyy-MM-dd HH:mm:ss,SSS LEVEL [thread] logger - message} and a newline, with the date text cached per
 * millisecond as the fastest peers do. Also builds the raw-write baseline's line. Thread-safe.
 *
 * <p>The thread is the one formatting, so this formatter suits synchronous handlers only: a handler that formats on
 * another thread would print that thread's name.
 */
public final class WorkloadFormatter extends Formatter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
            .withZone(ZoneId.systemDefault());

    private volatile DateText lastDate = new DateText(Long.MIN_VALUE, "");

    @Override
    public String format(LogRecord record) {
        return line(dateOf(record.getMillis()), record.getLevel().getName(), Thread.currentThread().getName(),
                record.getLoggerName(), formatMessage(record));
    }

    /** The workload's line for these fields, newline included. */
    static String line(String date, String level, String thread, String logger, String message) {
        return new StringBuilder(128)
                .append(date)
                .append(' ')
                .append(level)
                .append(" [")
                .append(thread)
                .append("] ")
                .append(logger)
                .append(" - ")
                .append(message)
                .append('\n')
                .toString();
    }

    /** The date as the workload prints it. */
    static String date(long millis) {
        return DATE.format(Instant.ofEpochMilli(millis));
    }

    private String dateOf(long millis) {
        DateText date = lastDate;
        if (date.millis != millis) {
            date = new DateText(millis, date(millis));
            lastDate = date;
        }
        return date.text;
    }

    private record DateText(long millis, String text) {
    }
}
