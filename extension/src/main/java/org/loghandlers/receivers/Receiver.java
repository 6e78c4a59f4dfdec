package org.loghandlers.receivers;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.handlers.ReportingErrorManager;

/**
 * Takes records from outside this JVM (a socket, a Kafka topic) and hands them to handlers: the receiving end of
 * central logging, Python's logging-cookbook receiver as a reusable piece. Declared like a handler under
 * {@code loghandlers.receiver.<name>.*}; its options are JavaBean setters, as a handler's are.
 *
 * <p>A subclass supplies four hooks: {@link #open()} (bind, subscribe), {@link #receive(long)} (wait a bounded time
 * for input and {@link #deliver} what arrived), {@link #wakeUp()} (make a waiting {@code receive} return) and
 * {@link #finish()} (on stop: take no new input, deliver what was already received, release everything). The hooks
 * are called by one thread at a time, never concurrently, so a subclass needs no locking of its own. Its public
 * no-argument constructor and its setters do no I/O: the extension builds one to check a configuration. What it
 * delivers is usually a {@link ReceivedRecord}, made by {@link WireFormat#decode} or {@link ReceivedRecords}.
 *
 * <p>{@link #start(Executor)} runs the receiving loop on an executor, such as a container's managed executor, as a
 * chain of tasks of about a second each (the way {@link org.loghandlers.handlers.QueueListener} does, since WildFly
 * cancels a task it takes for a hung one), or on a daemon thread of its own {@code loghandlers-receiver-<name>}.
 * {@link #stop()} drains: it returns once every record received before it has been handed to the handlers and the
 * handlers have been flushed. A receiver never closes its handlers; their owner does, after the stop.
 *
 * <p>Records go to each handler through {@link Handler#publish}, so each handler applies its own level and filter.
 * A failure of one handler, a broken frame or a lost connection is reported through {@link #getErrorManager()} and
 * never stops the receiver.
 */
public abstract class Receiver implements AutoCloseable {

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int STOPPING = 2;
    private static final int STOPPED = 3;

    private static final long SLICE_NANOS = 1_000_000_000L;
    private static final long PAUSE_AFTER_FAILURE_NANOS = 100_000_000L;
    private static final Handler[] NO_HANDLERS = new Handler[0];

    private final Object lifecycle = new Object();
    private final AtomicBoolean loopClaimed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong delivered = new AtomicLong();

    private volatile String name = getClass().getSimpleName();
    private volatile Handler[] handlers = NO_HANDLERS;
    private volatile ErrorManager errorManager = new ReportingErrorManager();
    private volatile int state = NEW;
    private volatile Thread loopThread;
    private volatile Executor executor;
    private volatile boolean receiveFailing;

    /** The name it was declared under ({@code loghandlers.receiver.<name>}); used in thread names and reports. */
    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String getName() {
        return name;
    }

    /** The handlers every received record is given to, in order; default none. May be changed while running. */
    public void setHandlers(Handler... handlers) {
        Handler[] copy = handlers == null ? NO_HANDLERS : handlers.clone();
        for (Handler handler : copy) {
            Objects.requireNonNull(handler, "handlers: a handler is null");
        }
        this.handlers = copy;
    }

    public Handler[] getHandlers() {
        return handlers.clone();
    }

    /** Where failures are reported; default a {@link ReportingErrorManager} (standard error). */
    public void setErrorManager(ErrorManager errorManager) {
        this.errorManager = Objects.requireNonNull(errorManager, "errorManager");
    }

    public ErrorManager getErrorManager() {
        return errorManager;
    }

    /**
     * The prefixes of options this receiver takes beyond its JavaBean setters, passed through to
     * {@link #setPrefixedOption}: a Kafka receiver's {@code kafka.} for any consumer property. Default none.
     */
    public Set<String> getOptionPrefixes() {
        return Set.of();
    }

    /**
     * Sets an option that starts with one of {@link #getOptionPrefixes()}, such as {@code kafka.fetch.min.bytes}.
     *
     * @throws IllegalArgumentException naming the value and what is accepted, when the option or value is refused
     */
    public void setPrefixedOption(String option, String value) {
        throw new IllegalArgumentException(option + ": " + getClass().getSimpleName() + " takes no prefixed options");
    }

    /** How many records were handed to the handlers since the start. */
    public long getDeliveredCount() {
        return delivered.get();
    }

    /** Whether {@link #start} has been called and {@link #stop()} has not. */
    public boolean isRunning() {
        return state == RUNNING;
    }

    /** Opens on this thread (so a port in use fails here), then starts receiving on its own daemon thread. */
    public void start() throws IOException {
        start(null);
    }

    /**
     * Opens on this thread (so a port in use fails here), then receives on {@code executor} ({@code null}: a daemon
     * thread of its own) as a chain of tasks of about a second each.
     *
     * @throws IOException when {@link #open()} fails; the receiver can then be started again
     * @throws IllegalStateException when it was started before
     * @throws java.util.concurrent.RejectedExecutionException when the executor refuses the first task (the
     *         receiver is then closed again and can be started again)
     */
    public void start(Executor executor) throws IOException {
        synchronized (lifecycle) {
            if (state != NEW) {
                throw new IllegalStateException("receiver " + name + " "
                        + (state == RUNNING ? "is already started" : "has been stopped and cannot be restarted"));
            }
            open();
            state = RUNNING;
            try {
                this.executor = executor;
                if (executor == null) {
                    startOwnThread();
                } else {
                    executor.execute(this::loop);
                }
            } catch (RuntimeException | Error e) {
                state = NEW;
                this.executor = null;
                finishQuietly();
                throw e;
            }
        }
    }

    /**
     * Takes no new input, hands every record already received to the handlers, flushes them, releases what
     * {@link #open()} took, and returns when that is done. Idempotent; a receiver never started just stops.
     */
    public void stop() {
        synchronized (lifecycle) {
            if (state == STOPPED || state == STOPPING) {
                // fall through to wait for the one stop in progress
            } else if (state == NEW) {
                state = STOPPED;
                loopClaimed.set(true);
                finished.countDown();
                return;
            } else {
                state = STOPPING;
            }
        }
        wakeUp();
        if (loopClaimed.compareAndSet(false, true)) {
            // The loop is between two tasks (or its task never ran): finish here; a late task returns at once.
            finishStop();
            return;
        }
        if (Thread.currentThread() == loopThread) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + name;
    }

    // ---- the hooks

    /** Takes what receiving needs (binds a port, subscribes); called once by {@link #start}. */
    protected abstract void open() throws IOException;

    /**
     * Waits at most {@code maxNanos} for input and hands what arrived to {@link #deliver}; returns early when
     * {@link #wakeUp()} is called. Failures of one source (one connection) are the subclass's to report and
     * recover from; an exception thrown here is reported once per run of failures and the loop goes on.
     */
    protected abstract void receive(long maxNanos) throws IOException;

    /** Makes a {@link #receive} in progress on another thread return soon; may be called from any thread. */
    protected abstract void wakeUp();

    /**
     * Takes no new input, delivers what was already received (within a bounded time of the subclass's choosing)
     * and releases what {@link #open()} took. Called once, after the last {@link #receive}, or after {@link #open()}
     * when the first task could not be started. The handlers are flushed after it.
     */
    protected abstract void finish() throws IOException;

    // ---- for subclasses

    /** Hands {@code record} to every handler through {@link Handler#publish}; a handler's failure is reported. */
    protected final void deliver(LogRecord record) {
        for (Handler handler : handlers) {
            try {
                handler.publish(record);
            } catch (RuntimeException e) {
                reportError("receiver " + name + ": handler " + handler + " failed on a record of logger "
                        + record.getLoggerName(), e, ErrorManager.WRITE_FAILURE);
            }
        }
        delivered.incrementAndGet();
    }

    /** Flushes every handler, after a batch of {@link #deliver} calls (and before committing what they wrote). */
    protected final void flushHandlers() {
        for (Handler handler : handlers) {
            try {
                handler.flush();
            } catch (RuntimeException e) {
                reportError("receiver " + name + ": handler " + handler + " failed to flush", e,
                        ErrorManager.FLUSH_FAILURE);
            }
        }
    }

    /** Reports through {@link #getErrorManager()}; never throws. */
    protected final void reportError(String message, Exception cause, int code) {
        try {
            errorManager.error(message, cause, code);
        } catch (RuntimeException ignored) {
            // an error manager that fails has nowhere left to report to
        }
    }

    /** Whether {@link #stop()} has been called: a {@link #receive} may return at once. */
    protected final boolean isStopping() {
        return state >= STOPPING;
    }

    // ---- the loop

    private void startOwnThread() {
        Thread thread = new Thread(this::loop, "loghandlers-receiver-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        if (!loopClaimed.compareAndSet(false, true)) {
            return;
        }
        loopThread = Thread.currentThread();
        Executor next = executor;
        long sliceEnd = System.nanoTime() + SLICE_NANOS;
        boolean handedOver = false;
        try {
            while (state == RUNNING) {
                long left = next == null ? SLICE_NANOS : sliceEnd - System.nanoTime();
                if (left <= 0) {
                    handedOver = handOver(next);
                    return;
                }
                receiveOnce(left);
            }
        } finally {
            if (!handedOver) {
                loopThread = null;
                finishStop();
            }
        }
    }

    private void receiveOnce(long maxNanos) {
        try {
            receive(maxNanos);
            receiveFailing = false;
        } catch (IOException | RuntimeException e) {
            if (!receiveFailing) {
                receiveFailing = true;
                reportError("receiver " + name + " failed to receive; it keeps trying", e,
                        ErrorManager.GENERIC_FAILURE);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(this, Math.min(maxNanos, PAUSE_AFTER_FAILURE_NANOS));
        }
    }

    /** Gives the loop to a new task; when the executor refuses, goes on on a thread of its own, and says so. */
    private boolean handOver(Executor next) {
        loopThread = null;
        loopClaimed.set(false);
        try {
            next.execute(this::loop);
        } catch (RuntimeException e) {
            reportError("receiver " + name + ": the executor refused the next task; it goes on on a thread of its"
                    + " own", e, ErrorManager.GENERIC_FAILURE);
            executor = null;
            startOwnThread();
        }
        return true;
    }

    private void finishStop() {
        try {
            finishQuietly();
            flushHandlers();
        } finally {
            state = STOPPED;
            finished.countDown();
        }
    }

    private void finishQuietly() {
        try {
            finish();
        } catch (IOException | RuntimeException e) {
            reportError("receiver " + name + " failed to stop cleanly", e, ErrorManager.CLOSE_FAILURE);
        }
    }
}
