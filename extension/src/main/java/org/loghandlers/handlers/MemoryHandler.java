package org.loghandlers.handlers;

import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * Buffers records and passes them to a target handler in one go: Python's {@code logging.handlers.MemoryHandler}
 * (not the JDK's {@code java.util.logging.MemoryHandler}, whose push rules differ).
 *
 * <p>The buffer is flushed to the {@link #setTarget target} on the {@code capacity}-th record, on any record at or
 * above {@link #setFlushLevel flushLevel} (that record included), and on {@link #close()} unless
 * {@link #setFlushOnClose flushOnClose} is false. Without a target a flush does nothing and the buffer keeps
 * growing, as in Python. Records reach the target in arrival order, followed by one {@code target.flush()}; a stream
 * or file target writes them as one batch and is flushed only then, whatever its {@code autoFlush}.
 *
 * <p>Python hands records to {@code target.handle()}, which applies the target's filter but not its level. We do
 * the same when the target is a {@link FilterOnlyHandler} (all loghandlers buffering and queue handlers are);
 * other JUL handlers only offer {@code publish}, which checks their level, so for those the target's level
 * applies. Closing this handler does not close the target (Python does not either; the JDK's does).
 */
public class MemoryHandler extends BufferingHandler {

    private volatile Level flushLevel = Level.SEVERE;
    private volatile Handler target;
    private volatile boolean flushOnClose = true;

    /** A handler with capacity {@value BufferingHandler#DEFAULT_CAPACITY}, flush level SEVERE and no target. */
    public MemoryHandler() {
        super(DEFAULT_CAPACITY);
        LogManagerProperties.configure(this);
    }

    /** A handler with the given capacity, flush level SEVERE and no target. */
    public MemoryHandler(int capacity) {
        super(capacity);
    }

    /** Python's {@code MemoryHandler(capacity, flushLevel, target)}; {@code flushOnClose} stays true. */
    public MemoryHandler(int capacity, Level flushLevel, Handler target) {
        this(capacity, flushLevel, target, true);
    }

    /** Python's {@code MemoryHandler(capacity, flushLevel, target, flushOnClose)}. */
    public MemoryHandler(int capacity, Level flushLevel, Handler target, boolean flushOnClose) {
        super(capacity);
        setFlushLevel(flushLevel);
        setTarget(target);
        setFlushOnClose(flushOnClose);
    }

    /** The level at or above which a record flushes the buffer at once; default SEVERE (Python's ERROR). */
    public void setFlushLevel(Level flushLevel) {
        if (flushLevel == null) {
            throw new IllegalArgumentException("flushLevel: null is not a level; expected a level such as SEVERE,"
                    + " WARNING or INFO");
        }
        this.flushLevel = flushLevel;
    }

    public Level getFlushLevel() {
        return flushLevel;
    }

    /** Where flushed records go; default none, in which case records stay buffered. */
    public synchronized void setTarget(Handler target) {
        if (target == this) {
            throw new IllegalArgumentException("target: a MemoryHandler cannot be its own target");
        }
        this.target = target;
    }

    public Handler getTarget() {
        return target;
    }

    /** Whether {@link #close()} flushes the buffer to the target first; default true. */
    public void setFlushOnClose(boolean flushOnClose) {
        this.flushOnClose = flushOnClose;
    }

    public boolean isFlushOnClose() {
        return flushOnClose;
    }

    /** Python's rule: the buffer is full, or {@code record} is at or above the flush level. */
    @Override
    protected boolean shouldFlush(LogRecord record) {
        return super.shouldFlush(record) || record.getLevel().intValue() >= flushLevel.intValue();
    }

    /** Sends the buffered records to the target and empties the buffer; without a target, keeps them. */
    @Override
    public synchronized void flush() {
        Handler to = target;
        if (to == null) {
            return;
        }
        for (LogRecord record : buffer) {
            try {
                Targets.handleInBatch(to, record, false);
            } catch (RuntimeException e) {
                getErrorManager().error(describe() + ": target " + to + " failed on a record of logger "
                        + record.getLoggerName(), e, ErrorManager.WRITE_FAILURE);
            }
        }
        buffer.clear();
        try {
            to.flush();
        } catch (RuntimeException e) {
            getErrorManager().error(describe() + ": target " + to + " failed to flush", e,
                    ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    void flushBeforeClose() {
        try {
            if (flushOnClose) {
                flush();
            }
        } finally {
            synchronized (this) {
                target = null;
            }
        }
    }
}
