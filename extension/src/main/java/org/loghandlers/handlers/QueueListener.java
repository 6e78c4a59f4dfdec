package org.loghandlers.handlers;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Takes records off a {@link QueueHandler}'s queue and hands them to its handlers on one consumer thread: Python's
 * {@code logging.handlers.QueueListener}, reached through {@link QueueHandler#getListener()} (Python 3.12's
 * {@code QueueHandler.listener}).
 *
 * <p>The consumer drains the queue in batches, hands each record to every handler, and flushes the handlers once at
 * the end of a batch, not per record (memory handlers excepted: their flush empties their buffer, which they do by
 * their own rules). Stream and file handlers are given the queue's reused record, any other handler a copy of its
 * own (see {@link BatchTarget}). When the queue is empty it parks; the next producer wakes it. It runs on its
 * own daemon thread {@code loghandlers-queue-<name>} ({@link #start()}) or on an executor the caller supplies
 * ({@link #start(Executor)}), such as a container's managed executor. There it runs as a chain of short tasks, each
 * handing over to the next after about a second, so that no task lives long enough for the container to take it for
 * a hung one and cancel it (WildFly's {@code hung-task-termination-period} does, long-running hint or not).
 *
 * <p>{@link #stop()} delivers every record accepted before it and waits for that. After it, records go straight to
 * the handlers on the logging thread, so none is lost. Starting twice throws {@link IllegalStateException}, as
 * Python 3.14 does; a stopped listener cannot be started again. After records were dropped, the listener sends its
 * handlers one WARNING {@code "N records dropped by queue 'x' since <time>"} once the queue has caught up.
 * {@link #close()} is {@link #stop()}, so a listener can be used in try-with-resources, as Python 3.14's is a
 * context manager.
 */
public final class QueueListener implements AutoCloseable {

    private static final int NEW = 0;
    private static final int RUNNING = 1;
    private static final int STOPPING = 2;
    private static final int STOPPED = 3;

    private static final int BATCH_LIMIT = 1024;
    private static final int SPINS_BEFORE_PARKING = 64;
    /** The longest a logging thread waits for room before it looks again by itself, should a wake-up be missed. */
    private static final long MAX_NANOS_WAITING_FOR_ROOM = 1_000_000;
    private static final long SLICE_NANOS = 1_000_000_000L;
    private static final Handler[] NO_HANDLERS = new Handler[0];

    private final QueueHandler source;
    private final Object lifecycle = new Object();
    private final AtomicBoolean loopClaimed = new AtomicBoolean();
    private final ConsumerParking parking = new ConsumerParking();
    private final RoomWait roomWait = new RoomWait();
    private final CountDownLatch finished = new CountDownLatch(1);
    /** After the stop, the one consumer is whoever holds this lock. */
    private final ReentrantLock afterStop = new ReentrantLock();

    private volatile Handler[] handlers = NO_HANDLERS;
    private volatile boolean respectHandlerLevel;
    private volatile int state = NEW;
    private volatile Thread consumer;
    private volatile Executor executor;
    private volatile boolean unstartedOverflowReported;

    QueueListener(QueueHandler source) {
        this.source = source;
    }

    /** The handlers each record is given to, in order; default none. May be changed while running. */
    public void setHandlers(Handler... handlers) {
        Handler[] copy = handlers == null ? NO_HANDLERS : handlers.clone();
        for (Handler handler : copy) {
            Objects.requireNonNull(handler, "handlers: a handler is null");
            if (handler == source) {
                throw new IllegalArgumentException("handlers: a QueueHandler cannot be its own listener's handler");
            }
        }
        this.handlers = copy;
        source.lookAgainAtCallerNeed();
    }

    public Handler[] getHandlers() {
        return handlers.clone();
    }

    /** The handlers array itself, not to be changed: for a look on every record. */
    Handler[] handlersInUse() {
        return handlers;
    }

    /**
     * Whether a handler gets only records at or above its own level; default false, as in Python, where the
     * handlers' levels are then ignored. Ignoring a level works for {@link FilterOnlyHandler} handlers; other JUL
     * handlers check their level in {@code publish} regardless.
     */
    public void setRespectHandlerLevel(boolean respectHandlerLevel) {
        this.respectHandlerLevel = respectHandlerLevel;
    }

    public boolean isRespectHandlerLevel() {
        return respectHandlerLevel;
    }

    /** Starts the consumer on a new daemon thread named {@code loghandlers-queue-<name>}. */
    public void start() {
        start(null);
    }

    /**
     * Starts the consumer on {@code executor} ({@code null}: a thread of its own), as a chain of tasks of about a
     * second each.
     *
     * @throws IllegalStateException if it was started before
     * @throws java.util.concurrent.RejectedExecutionException if the executor refuses the task; the listener can
     *         then be started again
     */
    public void start(Executor executor) {
        synchronized (lifecycle) {
            if (state != NEW) {
                throw new IllegalStateException("QueueListener of queue '" + source.getName() + "' "
                        + (state == RUNNING ? "is already started" : "has been stopped and cannot be restarted"));
            }
            source.queue();
            source.lookAgainAtCallerNeed();
            state = RUNNING;
            try {
                if (executor == null) {
                    Thread thread = new Thread(this::consume, "loghandlers-queue-" + source.getName());
                    thread.setDaemon(true);
                    thread.start();
                } else {
                    this.executor = executor;
                    executor.execute(this::consume);
                }
            } catch (RuntimeException | Error e) {
                state = NEW;
                throw e;
            }
        }
    }

    /** Whether {@link #start} has been called and {@link #stop()} has not. */
    public boolean isRunning() {
        return state == RUNNING;
    }

    /**
     * Delivers every record accepted so far, waits until that is done, and stops the consumer; later records go
     * straight to the handlers. Idempotent; a listener never started just starts delivering directly.
     */
    public void stop() {
        synchronized (lifecycle) {
            if (state == NEW || state == RUNNING) {
                state = STOPPING;
            }
        }
        LockSupport.unpark(consumer);
        if (loopClaimed.compareAndSet(false, true)) {
            // Never started, or the executor has not run the task yet: finish here; the task will return at once.
            finishStop();
            return;
        }
        if (Thread.currentThread() == consumer) {
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

    boolean hasHandlers() {
        return handlers.length > 0;
    }

    boolean wasStarted() {
        return state != NEW;
    }

    // ---- producer side, called by QueueHandler on the logging thread

    /**
     * Queues {@code original} as {@link PreparedRecord#fill} prepares it from the values the logging thread fixed
     * ({@code message}, {@code thrown}, the caller if {@code callerLocation}, the {@code mdc}), under the overflow
     * policy.
     */
    void offer(RecordQueue queue, LogRecord original, String message, Throwable thrown, boolean callerLocation,
               Map<String, ?> mdc) {
        if (state == STOPPED) {
            deliverDirectly(queue, new PreparedRecord(original, message, thrown, callerLocation, mdc));
            return;
        }
        if (queue.offer(original, message, thrown, callerLocation, mdc)) {
            afterOffer(queue);
            return;
        }
        switch (queue.policy()) {
            case BLOCK:
                offerWaiting(queue, original, message, thrown, callerLocation, mdc);
                break;
            case DROP_NEWEST:
                queue.dropUnqueued();
                if (state == NEW) {
                    reportUnstartedOverflow();
                }
                break;
            case DROP_OLDEST:
                offerDroppingOldest(queue, original, message, thrown, callerLocation, mdc);
                break;
            default:
                throw new AssertionError(queue.policy());
        }
    }

    private void offerWaiting(RecordQueue queue, LogRecord original, String message, Throwable thrown,
                              boolean callerLocation, Map<String, ?> mdc) {
        if (Thread.currentThread() == consumer) {
            // A handler logging back into its own full queue would wait for itself: it is the consumer, so it
            // delivers the record now instead.
            deliver(new PreparedRecord(original, message, thrown, callerLocation, mdc));
            queue.deliveredUnqueued();
            return;
        }
        int room = roomToWaitFor(queue);
        for (int attempt = 1; ; attempt++) {
            int now = state;
            if (now == STOPPED) {
                deliverDirectly(queue, new PreparedRecord(original, message, thrown, callerLocation, mdc));
                return;
            }
            if (now == NEW) {
                // Nothing will ever make room: fail like Python's put_nowait on a full queue.
                queue.dropUnqueued();
                reportUnstartedOverflow();
                return;
            }
            if (attempt <= SPINS_BEFORE_PARKING) {
                Thread.onSpinWait();
            } else {
                roomWait.await(queue, room, MAX_NANOS_WAITING_FOR_ROOM);
            }
            if (queue.hasRoom(room) && queue.offer(original, message, thrown, callerLocation, mdc)) {
                afterOffer(queue);
                return;
            }
        }
    }

    /**
     * How many free slots a logging thread that found the queue full waits for: an eighth of the ring, not one slot,
     * so that the waiting threads are woken once a stretch and then fill slots away from the cache lines the
     * consumer has just freed.
     */
    private static int roomToWaitFor(RecordQueue queue) {
        return Math.max(1, queue.capacity() / 8);
    }

    private void offerDroppingOldest(RecordQueue queue, LogRecord original, String message, Throwable thrown,
                                     boolean callerLocation, Map<String, ?> mdc) {
        do {
            if (state == STOPPED) {
                deliverDirectly(queue, new PreparedRecord(original, message, thrown, callerLocation, mdc));
                return;
            }
            queue.dropOldest();
        } while (!queue.offer(original, message, thrown, callerLocation, mdc));
        afterOffer(queue);
    }

    private void afterOffer(RecordQueue queue) {
        parking.wake();
        if (state == STOPPED) {
            // The consumer may have taken its last look before this record arrived.
            afterStop.lock();
            try {
                drainDirectly(queue);
            } finally {
                afterStop.unlock();
            }
        }
    }

    private void deliverDirectly(RecordQueue queue, PreparedRecord record) {
        afterStop.lock();
        try {
            drainDirectly(queue);
            deliver(record);
            queue.deliveredUnqueued();
            flushHandlers();
        } finally {
            afterStop.unlock();
        }
    }

    private void reportUnstartedOverflow() {
        if (!unstartedOverflowReported) {
            unstartedOverflowReported = true;
            source.reportError("queue '" + source.getName() + "' is full and its listener was never started"
                    + " (no handlers configured?): dropping records", null, ErrorManager.WRITE_FAILURE);
        }
    }

    // ---- consumer side

    /**
     * The consumer loop: on our own thread until the stop; on an executor for one slice, after which it hands the
     * loop over to a new task (which a stop arriving in between takes over instead, through {@link #loopClaimed}).
     */
    private void consume() {
        if (!loopClaimed.compareAndSet(false, true)) {
            return;
        }
        consumer = Thread.currentThread();
        Executor next = executor;
        long sliceEnd = System.nanoTime() + SLICE_NANOS;
        boolean handedOver = false;
        try {
            RecordQueue queue = source.queue();
            PreparedRecord copy = new PreparedRecord();
            int room = roomToWaitFor(queue);
            int inBatch = 0;
            while (state == RUNNING) {
                if (inBatch == 0) {
                    queue.noteSize();
                    source.lookAgainAtCallerNeed();
                }
                int taken = deliverUpTo(queue, BATCH_LIMIT - inBatch, false, copy);
                inBatch += taken;
                roomWait.signalIfRoom(queue, room);
                // A batch ends when the queue is empty or the limit is reached, not where a logging thread is still
                // filling the next slot: that would be a flush (a write to the file) every few records.
                boolean empty = queue.isEmpty();
                if (inBatch > 0 && (empty || inBatch >= BATCH_LIMIT)) {
                    flushHandlers();
                    inBatch = 0;
                }
                long left = next == null ? 0 : sliceEnd - System.nanoTime();
                if (next != null && left <= 0) {
                    if (inBatch > 0) {
                        flushHandlers();
                    }
                    handedOver = handOver(next);
                    return;
                }
                if (!empty) {
                    if (taken == 0) {
                        // A producer has claimed the next slot and is filling it.
                        Thread.onSpinWait();
                    }
                    continue;
                }
                reportDrops(queue);
                parkUntilOffered(queue, left);
            }
            if (inBatch > 0) {
                flushHandlers();
            }
        } finally {
            if (!handedOver) {
                finishStop();
                consumer = null;
            }
        }
    }

    /** Gives the loop to a new task on {@code next}; false if it refused, and this task then stops the listener. */
    private boolean handOver(Executor next) {
        consumer = null;
        loopClaimed.set(false);
        try {
            next.execute(this::consume);
            return true;
        } catch (RuntimeException e) {
            if (!loopClaimed.compareAndSet(false, true)) {
                return true;
            }
            source.reportError("QueueListener of queue '" + source.getName() + "': the executor refused the"
                    + " listener's next task; records now go to the handlers on the logging threads", e,
                    ErrorManager.GENERIC_FAILURE);
            consumer = Thread.currentThread();
            return false;
        }
    }

    /** Parks until a producer wakes it, or for at most {@code maxNanos} (0: no limit). */
    private void parkUntilOffered(RecordQueue queue, long maxNanos) {
        parking.parking();
        if (queue.isEmpty() && state == RUNNING) {
            if (maxNanos > 0) {
                LockSupport.parkNanos(this, maxNanos);
            } else {
                LockSupport.park(this);
            }
        }
        parking.running();
    }

    private void finishStop() {
        afterStop.lock();
        try {
            state = STOPPED;
            if (source.hasQueue()) {
                RecordQueue queue = source.queue();
                drainDirectly(queue);
                reportDrops(queue);
            }
        } finally {
            afterStop.unlock();
            finished.countDown();
            roomWait.signalAll();
        }
    }

    /** Delivers what is queued; called holding {@link #afterStop}. */
    private void drainDirectly(RecordQueue queue) {
        if (deliverUpTo(queue, Integer.MAX_VALUE, true, new PreparedRecord()) > 0) {
            flushHandlers();
        }
    }

    /**
     * Takes up to {@code limit} records off the queue in order and delivers them; returns how many were taken. Each
     * is copied out of its slot into {@code copy}, and the slot freed, before it is delivered: the queue then holds
     * as many records besides the one being delivered as its capacity says, as Python's does, and the consumer never
     * writes to the ring's array. The consumer's loop passes the same record each time; a handler that logs while it
     * is given one of ours may re-enter here on the same thread (after the stop), and the nested call has its own.
     *
     * @param waitForClaimed wait out a producer filling the oldest slot (after the stop, nothing else would take it)
     */
    private int deliverUpTo(RecordQueue queue, int limit, boolean waitForClaimed, PreparedRecord copy) {
        int taken = 0;
        int delivered = 0;
        try {
            while (taken < limit) {
                long position = waitForClaimed ? queue.claimWaiting() : queue.claim();
                if (position < 0) {
                    break;
                }
                taken++;
                PreparedRecord queued = queue.recordAt(position);
                boolean filled = queued.isFilled();
                try {
                    if (filled) {
                        copy.fillFrom(queued);
                    }
                } finally {
                    queued.clear();
                    queue.free(position);
                }
                if (!filled) {
                    queue.countDropped();
                    continue;
                }
                try {
                    deliver(copy);
                    delivered++;
                } finally {
                    copy.clear();
                }
            }
        } finally {
            if (delivered > 0) {
                queue.countDelivered(delivered);
            }
        }
        return taken;
    }

    private void reportDrops(RecordQueue queue) {
        RecordQueue.DropReport report = queue.takeDropReport();
        if (report == null) {
            return;
        }
        LogRecord warning = new LogRecord(Level.WARNING, report.message(queue.name()));
        warning.setLoggerName(QueueHandler.class.getName());
        warning.setSourceClassName(null);
        deliver(new PreparedRecord(warning, warning.getMessage(), null, false, Map.of()));
        flushHandlers();
    }

    /**
     * Gives {@code record} to every handler: the record itself to those that {@linkplain Targets#takesReusedRecord
     * take it for the call only}, one copy of it, made when first needed, to all the others, which may keep it.
     */
    private void deliver(PreparedRecord record) {
        boolean respectLevel = respectHandlerLevel;
        LogRecord kept = null;
        for (Handler handler : handlers) {
            try {
                if (respectLevel && record.getLevel().intValue() < handler.getLevel().intValue()) {
                    continue;
                }
                LogRecord given = record;
                if (!Targets.takesReusedRecord(handler, record)) {
                    if (kept == null) {
                        kept = record.copyToKeep();
                    }
                    given = kept;
                }
                Targets.handleInBatch(handler, given, respectLevel);
            } catch (RuntimeException e) {
                source.reportError("QueueListener of queue '" + source.getName() + "': handler " + handler
                        + " failed on a record of logger " + record.getLoggerName(), e, ErrorManager.WRITE_FAILURE);
            }
        }
    }

    private void flushHandlers() {
        for (Handler handler : handlers) {
            if (!Targets.flushedByListener(handler)) {
                continue;
            }
            try {
                handler.flush();
            } catch (RuntimeException e) {
                source.reportError("QueueListener of queue '" + source.getName() + "': handler " + handler
                        + " failed to flush", e, ErrorManager.FLUSH_FAILURE);
            }
        }
    }
}
