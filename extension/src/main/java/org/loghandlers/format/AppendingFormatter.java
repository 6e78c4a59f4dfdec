package org.loghandlers.format;

import java.util.logging.LogRecord;

/**
 * A formatter that can write a record's text into a builder the caller owns, so a handler can format and encode a
 * record without making a {@code String} of it first.
 */
public interface AppendingFormatter {

    /** Appends what {@code Formatter.format(record)} would return to {@code out}. */
    void formatTo(LogRecord record, StringBuilder out);
}
