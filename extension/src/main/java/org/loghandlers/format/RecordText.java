package org.loghandlers.format;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.LogRecord;

/** Texts both formatters derive from a record the same way: the thread name and the stack trace. */
final class RecordText {

    private RecordText() {
    }

    /**
     * The name of the thread that logged: the name a {@link ThreadNamedRecord} carries, JBoss's captured name when the record is an ExtLogRecord, the current
     * thread's name when the record carries the current thread's id (the usual case: formatting happens in the
     * logging call), and {@code Thread-<id>} otherwise, since looking a thread up by id is costly.
     */
    @SuppressWarnings("deprecation")
    static String threadName(LogRecord record) {
        if (record instanceof ThreadNamedRecord) {
            return ((ThreadNamedRecord) record).getThreadName();
        }
        String captured = JBossRecords.threadName(record);
        if (captured != null) {
            return captured;
        }
        Thread current = Thread.currentThread();
        long id = record.getLongThreadID();
        return current.getId() == id ? current.getName() : "Thread-" + id;
    }

    /** {@link Throwable#printStackTrace()}'s text, without the final line separator. */
    static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter(1024);
        try (PrintWriter writer = new PrintWriter(text)) {
            thrown.printStackTrace(writer);
        }
        StringBuffer buffer = text.getBuffer();
        String separator = System.lineSeparator();
        int end = buffer.length();
        if (end >= separator.length() && buffer.substring(end - separator.length()).equals(separator)) {
            end -= separator.length();
        }
        return buffer.substring(0, end);
    }
}
