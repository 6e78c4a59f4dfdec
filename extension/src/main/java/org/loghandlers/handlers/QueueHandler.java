package org.loghandlers.handlers;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * Hands records to a bounded in-memory queue and returns at once; its {@link QueueListener} passes them to the
 * real handlers on another thread: Python's {@code logging.handlers.QueueHandler}.
 *
 * <p>On the logging thread, everything that could change before the consumer formats the record is fixed (merged
 * message, thread name, MDC of a JBoss record; the caller when needed) straight into a reusable record of the queue's
 * ring, so queueing allocates nothing: Python's {@link #prepare} and {@link #enqueue} in one step. A subclass that
 * overrides either hook gets Python's two steps, a copy from {@code prepare} put on the queue by {@code enqueue}. The
 * ring is lock-free for any number of producers; what happens when it is full is the
 * {@link #setOverflowPolicy overflow policy}. The counters are in {@link #getStatistics()}.
 *
 * <p>Configured with {@link #setHandlers handlers}, the handler starts its listener with the first record it
 * takes (on the {@link #setExecutor executor}, if one is set); the listener can also be started explicitly
 * through {@link #getListener()}. {@link #close()} stops the listener, which delivers every record accepted
 * before it; the target handlers are flushed (memory handlers excepted) but not closed, as they may be shared.
 *
 * <p>{@link #setCapacity capacity}, {@link #setOverflowPolicy overflowPolicy} and {@link #setName name} are fixed
 * when the queue is made: on the first record or when the listener starts.
 */
public class QueueHandler extends Handler implements BatchTarget {

    /**
     * The default capacity: 8192 records. It absorbs a burst of several milliseconds at the rate a file handler
     * writes; the ring's records, made as its slots are first used and then reused, take about 1.2 MiB once it has
     * gone round.
     */
    public static final int DEFAULT_CAPACITY = 8192;
    /** The largest capacity accepted. */
    public static final int MAX_CAPACITY = 1 << 30;

    private final QueueListener listener = new QueueListener(this);
    private final Object queueCreation = new Object();

    private volatile RecordQueue queue;
    private volatile int capacity = DEFAULT_CAPACITY;
    private volatile OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;
    private volatile String name = "queue";
    private volatile Executor executor;
    /** Null: decided from the handlers behind the queue. */
    private volatile Boolean callerLocation;
    /**
     * Whether the handlers behind the queue print the caller, as last looked at: when the handlers are set, when the
     * listener starts and each time it starts a batch. A logging call reads this instead of looking at every
     * handler's formatter, which would read fields on the cache lines the listener writes as it delivers.
     */
    private volatile boolean callerNeeded;
    private volatile boolean closed;
    /** Whether a subclass overrides {@link #prepare} or {@link #enqueue}, which then run as in Python. */
    private final boolean hooksOverridden = overridesHooks(getClass());

    /** A handler with capacity {@value #DEFAULT_CAPACITY}, policy {@code block} and no handlers yet. */
    public QueueHandler() {
        this((Void) null);
        LogManagerProperties.configure(this);
    }

    private QueueHandler(Void unconfigured) {
        setErrorManager(new ReportingErrorManager());
    }

    /** A handler that passes its records to {@code handlers}. */
    public QueueHandler(Handler... handlers) {
        this((Void) null);
        setHandlers(handlers);
    }

    /** A handler with the given queue capacity and overflow policy that passes its records to {@code handlers}. */
    public QueueHandler(int capacity, OverflowPolicy overflowPolicy, Handler... handlers) {
        this(handlers);
        setCapacity(capacity);
        if (overflowPolicy == null) {
            throw new IllegalArgumentException("overflowPolicy: null is not an overflow policy; expected block,"
                    + " drop-newest or drop-oldest");
        }
        this.overflowPolicy = overflowPolicy;
    }

    // ---- options

    /**
     * How many records the queue holds; default {@value #DEFAULT_CAPACITY}. The ring is sized in powers of two, so
     * the value is rounded up to one (1000 becomes 1024) and {@link #getCapacity()} returns that. Each slot's record
     * is made when the slot is first used and then reused: about 150 bytes a slot once the ring has gone round.
     *
     * @throws IllegalArgumentException outside 2 to {@value #MAX_CAPACITY}
     * @throws IllegalStateException once the queue exists
     */
    public void setCapacity(int capacity) {
        if (capacity < 2 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity: " + capacity + " is out of range; expected 2 to "
                    + MAX_CAPACITY + " records");
        }
        synchronized (queueCreation) {
            requireNoQueue("capacity");
            this.capacity = roundUpToPowerOfTwo(capacity);
        }
    }

    public int getCapacity() {
        return capacity;
    }

    /**
     * What happens to a record when the queue is full: {@code block} (default), {@code drop-newest} or
     * {@code drop-oldest} (see {@link OverflowPolicy}). A String, and the only setter of that name, so that
     * configuration tools that look setters up by name (JBoss {@code logging.properties}, WildFly's
     * {@code custom-handler}) always find this one; in Java, pass {@code OverflowPolicy.X.configName()} or use the
     * {@link #QueueHandler(int, OverflowPolicy, Handler...) constructor}.
     *
     * @throws IllegalArgumentException naming the option unless it is one of the three names
     * @throws IllegalStateException once the queue exists
     */
    public void setOverflowPolicy(String overflowPolicy) {
        OverflowPolicy parsed = OverflowPolicy.parse(overflowPolicy);
        synchronized (queueCreation) {
            requireNoQueue("overflowPolicy");
            this.overflowPolicy = parsed;
        }
    }

    /** The overflow policy's configuration name: {@code block}, {@code drop-newest} or {@code drop-oldest}. */
    public String getOverflowPolicy() {
        return overflowPolicy.configName();
    }

    /**
     * Names the queue in its thread name, its statistics and its reports; default {@code queue}.
     *
     * @throws IllegalStateException once the queue exists
     */
    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: '" + name + "' is blank; expected a short name such as"
                    + " 'app'");
        }
        synchronized (queueCreation) {
            requireNoQueue("name");
            this.name = name.trim();
        }
    }

    public String getName() {
        return name;
    }

    /** The handlers the listener passes records to; see {@link QueueListener#setHandlers}. */
    public void setHandlers(Handler... handlers) {
        listener.setHandlers(handlers);
    }

    public Handler[] getHandlers() {
        return listener.getHandlers();
    }

    /** See {@link QueueListener#setRespectHandlerLevel}; default false. */
    public void setRespectHandlerLevel(boolean respectHandlerLevel) {
        listener.setRespectHandlerLevel(respectHandlerLevel);
    }

    public boolean isRespectHandlerLevel() {
        return listener.isRespectHandlerLevel();
    }

    /**
     * Where the listener's loop runs when this handler starts it; default {@code null}, a daemon thread of its
     * own. The loop occupies one executor thread until the listener stops.
     */
    public void setExecutor(Executor executor) {
        this.executor = executor;
    }

    public Executor getExecutor() {
        return executor;
    }

    /**
     * Whether {@link #prepare} resolves the caller's class and method on the logging thread, as Python always does.
     * By default it does so only when a handler behind the queue will print the caller: one whose formatter prints
     * {@code %(pathname)s}, {@code %(filename)s}, {@code %(module)s}, {@code %(funcName)s} or {@code %(lineno)d},
     * a JSON formatter, or a formatter that cannot be inspected. The handlers are looked at when they are set, when
     * the listener starts and each time it starts a batch, so a formatter changed on a handler behind a running queue
     * counts from the listener's next batch. Set it to force the choice: false saves a stack walk per record (the
     * copies then carry no caller; a JBoss record keeps one that was already resolved), true always takes it.
     */
    public void setCallerLocation(boolean callerLocation) {
        this.callerLocation = callerLocation;
    }

    /** Whether records are copied with their caller, as set or, by default, as the handlers behind need. */
    public boolean isCallerLocation() {
        lookAgainAtCallerNeed();
        return capturesCallerLocationNow();
    }

    boolean capturesCallerLocation(int depth) {
        Boolean chosen = callerLocation;
        return chosen != null ? chosen : CallerLocationNeed.of(listener.handlersInUse(), depth);
    }

    /** What a logging call follows: the explicit choice, or the handlers' need as last looked at. */
    private boolean capturesCallerLocationNow() {
        Boolean chosen = callerLocation;
        return chosen != null ? chosen : callerNeeded;
    }

    /** Looks again at whether the handlers behind print the caller; the listener calls this as a batch starts. */
    void lookAgainAtCallerNeed() {
        boolean needed = CallerLocationNeed.of(listener.handlersInUse(), 0);
        if (needed != callerNeeded) {
            callerNeeded = needed;
        }
    }

    /** The listener that consumes this handler's queue (Python 3.12's {@code QueueHandler.listener}). */
    public QueueListener getListener() {
        return listener;
    }

    /** A snapshot of the counters: accepted, delivered, dropped, queued, high-water mark. */
    public QueueStatistics getStatistics() {
        RecordQueue made = queue;
        return made != null ? made.statistics() : new QueueStatistics(name, capacity, 0, 0, 0, 0, 0);
    }

    // ---- the hooks

    /**
     * Python's {@code prepare(record)}: the copy that goes on the queue. Without a formatter, the message merged
     * with its parameters, the parameters cleared, the exception kept, the thread name and (if
     * {@link #setCallerLocation callerLocation}) the caller fixed; a JBoss {@code ExtLogRecord} also keeps its MDC
     * and NDC. With a formatter, as in Python, the message is the formatter's full text and the exception is
     * cleared. The original record is never changed, so other handlers see it as it was.
     *
     * <p>Unless a subclass overrides a hook, records are not copied but prepared in place in the queue's ring; the
     * handlers behind the queue see the same values as this copy has.
     */
    protected LogRecord prepare(LogRecord record) {
        return RecordSnapshot.of(record, getFormatter(), capturesCallerLocation(0));
    }

    /** Python's {@code enqueue(record)}: puts the prepared record on the queue under the overflow policy. */
    protected void enqueue(LogRecord record) {
        queueRecord(record, null, false);
    }

    // ---- Handler

    /** Queues {@code record} if its level and the filter accept it. */
    @Override
    public void publish(LogRecord record) {
        if (record == null || closed || !isLoggable(record)) {
            return;
        }
        emit(record);
    }

    /** Queues {@code record} if the filter accepts it, whatever its level (Python's {@code handle}). */
    @Override
    public void handle(LogRecord record) {
        if (record == null || closed || !Targets.passesFilter(this, record)) {
            return;
        }
        emit(record);
    }

    /**
     * As {@link #handle}, for another queue's listener: the record is prepared into this queue before this returns,
     * so this queue can be given the other queue's reused record.
     */
    @Override
    public void handleInBatch(LogRecord record) {
        handle(record);
    }

    private void emit(LogRecord record) {
        if (hooksOverridden) {
            emitThroughHooks(record);
        } else {
            queueRecord(record, getFormatter(), true);
        }
    }

    /**
     * Fixes the mutable parts of {@code record} on this thread, as {@link #prepare} does (with {@code formatter}, its
     * text becomes the message), and queues it, counting it accepted if {@code accept}; failures are reported, never
     * thrown.
     */
    private void queueRecord(LogRecord record, Formatter formatter, boolean accept) {
        if (accept) {
            startListenerIfConfigured();
        }
        String message;
        Throwable thrown;
        Map<String, ?> mdc;
        boolean callerLocation;
        try {
            JBossRecordCopier.Access jboss = JBossRecordCopier.accessOf(record);
            message = RecordSnapshot.message(record, formatter, jboss);
            thrown = RecordSnapshot.thrown(record, formatter);
            mdc = RecordSnapshot.mdc(record, jboss);
            callerLocation = capturesCallerLocationNow();
            if (callerLocation) {
                RecordSnapshot.findCaller(record);
            }
        } catch (RuntimeException e) {
            if (!accept) {
                queue().dropUnqueued();
            }
            reportError(describe() + ": could not prepare a record of logger " + record.getLoggerName(), e,
                    ErrorManager.FORMAT_FAILURE);
            return;
        }
        RecordQueue target = queue();
        try {
            listener.offer(target, record, message, thrown, callerLocation, mdc);
        } catch (RuntimeException e) {
            reportError(describe() + ": could not queue a record of logger " + record.getLoggerName(), e,
                    ErrorManager.WRITE_FAILURE);
        }
    }

    private void emitThroughHooks(LogRecord record) {
        LogRecord prepared;
        try {
            prepared = prepare(record);
        } catch (RuntimeException e) {
            reportError(describe() + ": could not prepare a record of logger " + record.getLoggerName(), e,
                    ErrorManager.FORMAT_FAILURE);
            return;
        }
        queue();
        startListenerIfConfigured();
        try {
            enqueue(prepared);
        } catch (RuntimeException e) {
            reportError(describe() + ": could not queue a record of logger " + record.getLoggerName(), e,
                    ErrorManager.WRITE_FAILURE);
        }
    }

    private void startListenerIfConfigured() {
        if (listener.wasStarted() || !listener.hasHandlers()) {
            return;
        }
        synchronized (queueCreation) {
            if (listener.wasStarted()) {
                return;
            }
            Executor chosen = executor;
            try {
                listener.start(chosen);
            } catch (RejectedExecutionException e) {
                reportError(describe() + ": executor " + chosen + " refused the listener; running it on a thread"
                        + " of its own", e, ErrorManager.GENERIC_FAILURE);
                listener.start(null);
            } catch (IllegalStateException e) {
                // Started or stopped by another thread meanwhile: nothing to do.
            }
        }
    }

    /** Records are flushed by the listener at the end of each batch; this does nothing. */
    @Override
    public void flush() {
    }

    /** Stops the listener, which delivers every record accepted before; later records are ignored. Idempotent. */
    @Override
    public void close() {
        closed = true;
        listener.stop();
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- internals

    RecordQueue queue() {
        RecordQueue made = queue;
        if (made != null) {
            return made;
        }
        synchronized (queueCreation) {
            if (queue == null) {
                queue = new RecordQueue(name, capacity, overflowPolicy);
            }
            return queue;
        }
    }

    boolean hasQueue() {
        return queue != null;
    }

    @Override
    protected void reportError(String message, Exception cause, int code) {
        getErrorManager().error(message, cause, code);
    }

    /** Names this handler in error reports. */
    protected String describe() {
        return getClass().getSimpleName() + " '" + name + "'";
    }

    private void requireNoQueue(String option) {
        if (queue != null) {
            throw new IllegalStateException(option + ": cannot be changed once queue '" + name
                    + "' has been made (on its first record or when its listener started)");
        }
    }

    private static boolean overridesHooks(Class<?> type) {
        for (Class<?> c = type; c != QueueHandler.class; c = c.getSuperclass()) {
            for (String hook : new String[] {"prepare", "enqueue"}) {
                try {
                    c.getDeclaredMethod(hook, LogRecord.class);
                    return true;
                } catch (NoSuchMethodException notHere) {
                    // Look further up.
                }
            }
        }
        return false;
    }

    private static int roundUpToPowerOfTwo(int value) {
        int highest = Integer.highestOneBit(value);
        return highest == value ? value : highest << 1;
    }
}
