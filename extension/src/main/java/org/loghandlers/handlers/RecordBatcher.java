package org.loghandlers.handlers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Collects formatted records into batches and hands each batch to a sink on one thread of its own, so that the
 * logging thread never waits for the network: a batch goes when it has {@code batchSize} records, when its oldest
 * record has waited {@code linger}, on {@link #flush} and on {@link #close}. A linger of 0 sends whatever is there
 * as soon as the previous batch is done, so batches grow only while a request is under way.
 *
 * <p>At most {@link #capacity} records wait; a record that finds no room waits for it up to the time its caller
 * allows, then is refused. The thread starts with the first record and ends in {@link #close}.
 */
final class RecordBatcher {

    /** The fewest records that may wait, whatever the batch size. */
    static final int MIN_CAPACITY = 8192;

    private record Pending(String text, long acceptedAt) {
    }

    private final String threadName;
    private final IntSupplier batchSize;
    private final LongSupplier lingerNanos;
    private final Consumer<List<String>> sink;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition progress = lock.newCondition();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long accepted;
    private long finished;
    private long flushUpTo;
    private boolean closing;
    private boolean stopped;
    private Thread thread;

    RecordBatcher(String threadName, IntSupplier batchSize, LongSupplier lingerNanos, Consumer<List<String>> sink) {
        this.threadName = threadName;
        this.batchSize = batchSize;
        this.lingerNanos = lingerNanos;
        this.sink = sink;
    }

    /** How many records may wait: 8192, or four batches when that is more. */
    int capacity() {
        return Math.max(MIN_CAPACITY, 4 * batchSize.getAsInt());
    }

    /**
     * Adds a record, waiting up to {@code waitNanos} for room; false when it was not accepted (no room in time,
     * closed, or the caller was interrupted, whose interrupt stays set).
     */
    boolean add(String text, long waitNanos) {
        lock.lock();
        try {
            long left = waitNanos;
            while (pending.size() >= capacity() && !closing) {
                if (left <= 0) {
                    return false;
                }
                left = progress.awaitNanos(left);
            }
            if (closing) {
                return false;
            }
            pending.add(new Pending(text, System.nanoTime()));
            accepted++;
            if (thread == null) {
                thread = DeliveryThreads.newThread(this::run, threadName);
                thread.start();
            }
            if (pending.size() == 1 || pending.size() >= batchSize.getAsInt()) {
                work.signal();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Sends every record accepted so far; true if they were all handed to the sink within {@code waitNanos}. */
    boolean flush(long waitNanos) {
        lock.lock();
        try {
            long target = accepted;
            flushUpTo = Math.max(flushUpTo, target);
            work.signal();
            return awaitFinished(target, waitNanos);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends what is waiting within {@code waitNanos}, then stops the thread, interrupting a request still under
     * way; returns how many records were never handed to the sink.
     */
    int close(long waitNanos) {
        Thread running;
        lock.lock();
        try {
            closing = true;
            flushUpTo = accepted;
            work.signal();
            progress.signalAll();
            awaitFinished(accepted, waitNanos);
            stopped = true;
            work.signal();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.lock();
        try {
            int left = pending.size();
            pending.clear();
            return left;
        } finally {
            lock.unlock();
        }
    }

    /** Called with the lock held. */
    private boolean awaitFinished(long target, long waitNanos) {
        long left = waitNanos;
        try {
            while (finished < target) {
                if (left <= 0) {
                    return false;
                }
                left = progress.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finished >= target;
        }
    }

    private void run() {
        while (true) {
            List<String> batch = nextBatch();
            if (batch == null) {
                return;
            }
            try {
                sink.accept(batch);
            } catch (RuntimeException e) {
                // the sink reports its own failures; this one must not end the thread
            } finally {
                lock.lock();
                try {
                    finished += batch.size();
                    progress.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Waits until a batch is due and takes it; null when the batcher stops. */
    private List<String> nextBatch() {
        lock.lock();
        try {
            while (!stopped) {
                try {
                    if (pending.isEmpty()) {
                        work.await();
                        continue;
                    }
                    int size = batchSize.getAsInt();
                    long waited = System.nanoTime() - pending.peekFirst().acceptedAt;
                    long linger = lingerNanos.getAsLong();
                    if (pending.size() >= size || finished < flushUpTo || closing || waited >= linger) {
                        List<String> batch = new ArrayList<>(Math.min(size, pending.size()));
                        while (batch.size() < size && !pending.isEmpty()) {
                            batch.add(pending.poll().text());
                        }
                        progress.signalAll();
                        return batch;
                    }
                    work.awaitNanos(linger - waited);
                } catch (InterruptedException e) {
                    // close() interrupts a request under way; here, only stopped matters
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }
}
