package org.loghandlers.handlers;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.format.JsonFormatter;

/**
 * The {@code format} option of {@link SocketHandler} and {@link DatagramHandler} and the bytes it makes of a record:
 * Python's frame, through the handler's {@code makePickle} hook, or a line of JSON written by the handler's
 * formatter, or by a {@link JsonFormatter} of its own when none is set.
 */
final class RecordPayload {

    private final Handler owner;
    private final Supplier<String> describe;
    private final Function<LogRecord, byte[]> makePickle;
    private volatile RecordFormat format = RecordFormat.PICKLE;
    private volatile Formatter defaultJson;

    /**
     * @param describe names the handler and its receiver in a report
     * @param makePickle the handler's {@code makePickle}
     */
    RecordPayload(Handler owner, Supplier<String> describe, Function<LogRecord, byte[]> makePickle) {
        this.owner = owner;
        this.describe = describe;
        this.makePickle = makePickle;
    }

    /** @throws IllegalArgumentException naming the value and the formats */
    void setFormat(String value) {
        this.format = RecordFormat.parse(value);
    }

    String format() {
        return format.configName();
    }

    /** Whether records go out as Python's pickle, which carries the caller's class and method. */
    boolean pickles() {
        return format == RecordFormat.PICKLE;
    }

    /**
     * The bytes to send for {@code record}; null when it could not be encoded, which is reported through the
     * handler's {@code ErrorManager}.
     */
    byte[] encode(LogRecord record) {
        try {
            return pickles() ? makePickle.apply(record) : RecordFormat.jsonLine(record, jsonFormatter());
        } catch (RuntimeException e) {
            owner.getErrorManager().error(describe.get() + ": could not encode a record of logger "
                    + record.getLoggerName(), e, ErrorManager.FORMAT_FAILURE);
            return null;
        }
    }

    private Formatter jsonFormatter() {
        Formatter own = owner.getFormatter();
        if (own != null) {
            return own;
        }
        Formatter json = defaultJson;
        if (json == null) {
            json = new JsonFormatter();
            defaultJson = json;
        }
        return json;
    }
}
