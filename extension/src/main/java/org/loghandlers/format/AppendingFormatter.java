package org.loghandlers.format;

import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * A formatter that writes a record's text into a builder the caller owns, so a handler can format and encode a
 * record without making a {@code String} of it first. {@link #format} is derived from {@link #formatTo}.
 */
public abstract class AppendingFormatter extends Formatter {

    /** Appends the record's text to {@code out}. */
    public abstract void formatTo(LogRecord record, StringBuilder out);

    /**
     * Appends the record's text to {@code out} as UTF-8, the same text {@link #formatTo} gives, and returns true; or
     * returns false, having appended nothing, when this formatter has no such path (the default) and the caller is
     * to format and encode the text itself.
     */
    public boolean formatUtf8To(LogRecord record, Utf8Text out) {
        return false;
    }

    /**
     * Whether this formatter prints where the record was logged from (source class, method, file or line), so a
     * queue in front of it must find the caller on the logging thread; true unless a subclass knows better.
     */
    public boolean usesCallerLocation() {
        return true;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder out = FormatBuffer.take();
        try {
            formatTo(record, out);
            return out.toString();
        } finally {
            FormatBuffer.release(out);
        }
    }
}
