package org.loghandlers.handlers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** Python's default format, {@code %(message)s} plus the exception text: used when a handler has no formatter. */
final class DefaultFormat extends Formatter {

    static final DefaultFormat INSTANCE = new DefaultFormat();

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        Throwable thrown = record.getThrown();
        if (thrown == null) {
            return message;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return message + "\n" + text.substring(0, end);
    }
}
