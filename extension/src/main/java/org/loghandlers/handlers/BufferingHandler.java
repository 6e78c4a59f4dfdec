package org.loghandlers.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * Keeps records in memory and empties the buffer when {@link #shouldFlush} says so: Python's
 * {@code logging.handlers.BufferingHandler}.
 *
 * <p>A record is appended first and {@code shouldFlush} is asked afterwards, so a capacity of {@code N} flushes on
 * the {@code N}-th record (and a capacity of 0 on every record). This base class's {@link #flush()} only discards
 * the buffer; subclasses such as {@link MemoryHandler} override it to send the records somewhere. {@link #close()}
 * flushes once and then ignores further records. The buffer is guarded by this handler's monitor, so subclasses
 * read or change {@link #buffer} only in {@code synchronized} methods.
 */
public class BufferingHandler extends Handler implements FilterOnlyHandler {

    /** Python's {@code capacity} when none is given: the JDK {@code MemoryHandler}'s default size. */
    public static final int DEFAULT_CAPACITY = 1000;

    /** The records waiting for a flush, oldest first; guarded by {@code this}. */
    protected final List<LogRecord> buffer = new ArrayList<>();

    private volatile int capacity;
    private volatile boolean closed;

    /**
     * A handler that flushes every {@value #DEFAULT_CAPACITY} records, or as the JDK's {@code logging.properties}
     * sets for its class.
     */
    public BufferingHandler() {
        this(DEFAULT_CAPACITY);
        LogManagerProperties.configure(this);
    }

    /** A handler that flushes on the {@code capacity}-th buffered record. */
    public BufferingHandler(int capacity) {
        setCapacity(capacity);
        setErrorManager(new ReportingErrorManager());
    }

    /** How many buffered records trigger a flush; default {@value #DEFAULT_CAPACITY}; 0 flushes every record. */
    public void setCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity: " + capacity + " is negative; expected 0 or more records");
        }
        this.capacity = capacity;
    }

    public int getCapacity() {
        return capacity;
    }

    /** How many records are buffered now. */
    public synchronized int getBufferedCount() {
        return buffer.size();
    }

    /** Buffers {@code record} if its level and the filter accept it. */
    @Override
    public void publish(LogRecord record) {
        if (record == null || closed || !isLoggable(record)) {
            return;
        }
        emit(record);
    }

    /** Buffers {@code record} if the filter accepts it, whatever its level (Python's {@code handle}). */
    @Override
    public void handle(LogRecord record) {
        if (record == null || closed || !Targets.passesFilter(this, record)) {
            return;
        }
        emit(record);
    }

    private synchronized void emit(LogRecord record) {
        try {
            buffer.add(record);
            if (shouldFlush(record)) {
                flush();
            }
        } catch (RuntimeException e) {
            getErrorManager().error(describe() + ": could not buffer or flush a record of logger "
                    + record.getLoggerName(), e, ErrorManager.WRITE_FAILURE);
        }
    }

    /**
     * Whether the buffer must be flushed now that {@code record} has been appended: when it holds
     * {@link #getCapacity() capacity} records or more. Called with this handler's monitor held.
     */
    protected boolean shouldFlush(LogRecord record) {
        return buffer.size() >= capacity;
    }

    /** Discards the buffered records. */
    @Override
    public synchronized void flush() {
        buffer.clear();
    }

    /** Flushes once, then ignores further records. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        flushBeforeClose();
    }

    /** What {@link #close()} does once: a flush here; {@link MemoryHandler} honours {@code flushOnClose}. */
    void flushBeforeClose() {
        flush();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Names this handler in error reports. */
    protected String describe() {
        return getClass().getSimpleName() + " (capacity " + capacity + ")";
    }
}
