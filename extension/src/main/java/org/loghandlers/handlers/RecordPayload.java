package org.loghandlers.handlers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.format.JsonFormatter;

/**
 * The {@code format} option of {@link SocketHandler} and {@link DatagramHandler} and the bytes it makes of a record:
 * Python's frame, or a line of JSON written by the handler's formatter, or by a {@link JsonFormatter} of its own
 * when none is set. The bytes are made in the thread's reused buffers ({@link #writeTo}), unless a subclass
 * overrides the handler's {@code makePickle} or {@code send} hook: records then go through them ({@link #encode}),
 * as in Python.
 */
final class RecordPayload {

    /** Where a record's bytes go: sent now, or added to the batch the handler's flush writes. */
    @FunctionalInterface
    interface Destination {

        /** Takes the bytes from the buffer's position to its limit, valid during the call only. */
        void write(ByteBuffer bytes, boolean inBatch);
    }

    private final Handler owner;
    private final Supplier<String> describe;
    private final Function<LogRecord, byte[]> makePickle;
    private final boolean throughHooks;
    private volatile RecordFormat format = RecordFormat.PICKLE;
    private volatile Formatter defaultJson;

    /**
     * @param describe names the handler and its receiver in a report
     * @param makePickle the handler's {@code makePickle}
     * @param hooksOf the handler class that declares {@code makePickle(LogRecord)} and {@code send(byte[])}: a
     *     subclass of it that overrides either has its records go through them
     */
    RecordPayload(Handler owner, Supplier<String> describe, Function<LogRecord, byte[]> makePickle,
            Class<? extends Handler> hooksOf) {
        this.owner = owner;
        this.describe = describe;
        this.makePickle = makePickle;
        this.throughHooks = Hooks.overridden(owner.getClass(), hooksOf, "makePickle", LogRecord.class)
                || Hooks.overridden(owner.getClass(), hooksOf, "send", byte[].class);
    }

    /** Whether records go through the handler's {@code makePickle} and {@code send}, which a subclass overrides. */
    boolean throughHooks() {
        return throughHooks;
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
            reportEncodingFailure(record, e);
            return null;
        }
    }

    /**
     * Makes the bytes of {@code record} in this thread's reused buffers and hands them to {@code destination};
     * reported through the handler's {@code ErrorManager} when the record cannot be encoded. For a handler whose
     * records do not go {@link #throughHooks through its hooks}.
     */
    void writeTo(LogRecord record, boolean inBatch, Destination destination) {
        if (pickles()) {
            PickledRecord pickled = PickledRecord.take();
            try {
                ByteBuffer frame;
                try {
                    frame = pickled.frame(record, RecordFormat.messageMerger(owner.getFormatter()));
                } catch (RuntimeException e) {
                    reportEncodingFailure(record, e);
                    return;
                }
                destination.write(frame, inBatch);
            } finally {
                pickled.release();
            }
            return;
        }
        EncodedRecord encoded = EncodedRecord.take();
        try {
            try {
                encoded.encode(record, jsonFormatter(), "\n", StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                reportEncodingFailure(record, e);
                return;
            }
            destination.write(encoded.buffer(), inBatch);
        } finally {
            encoded.release();
        }
    }

    private void reportEncodingFailure(LogRecord record, RuntimeException e) {
        owner.getErrorManager().error(describe.get() + ": could not encode a record of logger "
                + record.getLoggerName(), e, ErrorManager.FORMAT_FAILURE);
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
