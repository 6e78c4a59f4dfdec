package org.loghandlers.receivers;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * A sender's traceback, received as text (Python's {@code exc_text}, a JSON record's {@code exception.stackTrace}),
 * carried as a record's Throwable so that every formatter prints it: {@link #printStackTrace} prints the text as it
 * was sent, and {@link #toString()} is that text too, for formatters that print a Throwable's string and frames (it
 * has no frames of its own). {@link #getMessage()} is the sender's exception message when it sent one, else the
 * text's last line (Python's {@code ValueError: boom}).
 */
public final class RemoteTraceback extends Throwable {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final String exceptionClass;

    /**
     * @param text the traceback as sent
     * @param exceptionClass the sender's exception class name, or null when unknown
     * @param message the sender's exception message, or null to take the text's last line
     */
    public RemoteTraceback(String text, String exceptionClass, String message) {
        super(message != null ? message : lastLine(text), null, false, false);
        this.text = text;
        this.exceptionClass = exceptionClass;
    }

    /** The traceback as it was sent. */
    public String getText() {
        return text;
    }

    /** The sender's exception class name, or null when it did not send one. */
    public String getExceptionClass() {
        return exceptionClass;
    }

    @Override
    public void printStackTrace(PrintStream out) {
        out.println(text);
    }

    @Override
    public void printStackTrace(PrintWriter out) {
        out.println(text);
    }

    @Override
    public String toString() {
        return text;
    }

    static String lastLine(String text) {
        String trimmed = text.stripTrailing();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }
}
