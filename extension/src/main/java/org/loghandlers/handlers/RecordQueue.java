package org.loghandlers.handlers;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.LogRecord;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.atomic.MpmcAtomicArrayQueue;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;

/**
 * The bounded, pre-allocated queue between a {@link QueueHandler} and its {@link QueueListener}, with the counters
 * behind {@link QueueStatistics}.
 *
 * <p>Block and drop-newest use a JCTools multi-producer single-consumer array queue: producers only compete on one
 * index. Drop-oldest needs a producer to remove the oldest record itself (waiting for the consumer would make it a
 * blocking policy), so it uses JCTools' multi-producer multi-consumer array queue, where that is safe.
 *
 * <p>Both are JCTools' {@code atomic} variants, built on field updaters and {@code AtomicReferenceArray}: nothing
 * here touches {@code sun.misc.Unsafe}, which a WildFly deployment cannot see and Java 24+ warns about.
 */
final class RecordQueue {

    private final String name;
    private final OverflowPolicy policy;
    private final MessagePassingQueue<LogRecord> records;
    private final int capacity;

    private final LongAdder accepted = new LongAdder();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicInteger highWaterMark = new AtomicInteger();

    // Drops are the overloaded path: a monitor keeps the count and its start time exact together.
    private long dropped;
    private long droppedReported;
    private Instant firstUnreportedDrop;

    RecordQueue(String name, int capacity, OverflowPolicy policy) {
        this.name = name;
        this.policy = policy;
        this.records = policy == OverflowPolicy.DROP_OLDEST
                ? new MpmcAtomicArrayQueue<>(capacity)
                : new MpscAtomicArrayQueue<>(capacity);
        this.capacity = records.capacity();
    }

    String name() {
        return name;
    }

    OverflowPolicy policy() {
        return policy;
    }

    int capacity() {
        return capacity;
    }

    void countAccepted() {
        accepted.increment();
    }

    /** Adds {@code record} if there is room; any producer thread. */
    boolean offer(LogRecord record) {
        if (!records.offer(record)) {
            return false;
        }
        int size = records.size();
        int mark = highWaterMark.get();
        while (size > mark && !highWaterMark.compareAndSet(mark, size)) {
            mark = highWaterMark.get();
        }
        return true;
    }

    /**
     * Removes the oldest record for drop-oldest and counts it as dropped; any producer thread (the queue is MPMC
     * for this policy). Returns whether a record was removed.
     */
    boolean dropOldest() {
        if (records.poll() == null) {
            return false;
        }
        countDropped();
        return true;
    }

    /** Takes up to {@code limit} records in order; only the one consumer at a time. */
    int drain(MessagePassingQueue.Consumer<LogRecord> consumer, int limit) {
        return records.drain(consumer, limit);
    }

    /** Takes the oldest record, waiting out a producer that has claimed its slot but not yet filled it. */
    LogRecord poll() {
        return records.poll();
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    void countDelivered(long count) {
        delivered.addAndGet(count);
    }

    synchronized void countDropped() {
        dropped++;
        if (firstUnreportedDrop == null) {
            firstUnreportedDrop = Instant.now();
        }
    }

    /** The drops not yet reported, marking them reported; null if there are none. */
    synchronized DropReport takeDropReport() {
        long count = dropped - droppedReported;
        if (count == 0) {
            return null;
        }
        DropReport report = new DropReport(count, firstUnreportedDrop);
        droppedReported = dropped;
        firstUnreportedDrop = null;
        return report;
    }

    QueueStatistics statistics() {
        long droppedNow;
        synchronized (this) {
            droppedNow = dropped;
        }
        return new QueueStatistics(name, capacity, accepted.sum(), delivered.get(), droppedNow, records.size(),
                highWaterMark.get());
    }

    /** How many records were dropped since when: the text of the warning the listener emits. */
    record DropReport(long count, Instant since) {

        String message(String queueName) {
            return count + (count == 1 ? " record" : " records") + " dropped by queue '" + queueName + "' since "
                    + since;
        }
    }
}
