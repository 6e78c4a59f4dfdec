package org.loghandlers.handlers;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.LogRecord;

/**
 * The bounded ring between a {@link QueueHandler} and its {@link QueueListener}, with the counters behind
 * {@link QueueStatistics}. Its slots hold reusable {@link PreparedRecord}s: a logging thread claims a slot and fills
 * its record in place; the consumer copies the record out and frees the slot before it delivers the copy, so after
 * the ring's first lap queueing a record allocates nothing, and the array of records is no longer written to.
 *
 * <p>The protocol is Dmitry Vyukov's bounded queue, as LMAX's Disruptor also uses it: each slot has a sequence that
 * says whose turn it is. A producer may fill the slot of position {@code p} when its sequence is {@code p}, and
 * publishes it by setting {@code p + 1}; the consumer takes it then and frees it for position {@code p + capacity}.
 * Producers compete only on the claim of the next position (one compare-and-set). Drop-oldest lets a producer remove
 * the oldest record itself, so for that policy the consumer's position is claimed by compare-and-set too; otherwise
 * it belongs to the one consumer. Built on {@code java.util.concurrent.atomic} only: nothing here touches
 * {@code sun.misc.Unsafe}, which a WildFly deployment cannot see.
 *
 * <p>Records are made as their slots are first used (a queue that never fills holds few of them) and are cleared of
 * their message, exception and MDC once delivered, so an idle ring keeps nothing of an application alive.
 */
final class RecordQueue {

    private final String name;
    private final OverflowPolicy policy;
    private final int capacity;
    private final int mask;
    private final boolean consumersCompete;
    private final PreparedRecord[] records;
    private final AtomicLongArray sequences;
    private final PaddedPosition nextClaim = new PaddedPosition();
    private final PaddedPosition nextTake = new PaddedPosition();

    /**
     * Records accepted that never took a slot (delivered straight to the handlers, or dropped because the queue was
     * full); every other accepted record is one claimed position, so counting it costs a logging call nothing more.
     */
    private final LongAdder acceptedWithoutSlot = new LongAdder();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicInteger highWaterMark = new AtomicInteger();

    // Drops are the overloaded path: a monitor keeps the count and its start time exact together.
    private long dropped;
    private long droppedReported;
    private Instant firstUnreportedDrop;

    /** @param capacity a power of two */
    RecordQueue(String name, int capacity, OverflowPolicy policy) {
        this.name = name;
        this.policy = policy;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.consumersCompete = policy == OverflowPolicy.DROP_OLDEST;
        this.records = new PreparedRecord[capacity];
        this.sequences = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            sequences.lazySet(i, i);
        }
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

    /** Counts a record accepted and dropped without taking a slot. */
    void dropUnqueued() {
        acceptedWithoutSlot.increment();
        countDropped();
    }

    /** Counts a record accepted and delivered without taking a slot. */
    void deliveredUnqueued() {
        acceptedWithoutSlot.increment();
        countDelivered(1);
    }

    /**
     * Queues {@code original} as {@link PreparedRecord#fill} prepares it, if there is room; any producer thread.
     * Should filling fail, the slot is still published, empty, so that the ring never stalls; the consumer counts it
     * as dropped and the failure is thrown here.
     */
    boolean offer(LogRecord original, String message, Throwable thrown, boolean callerLocation, Map<String, ?> mdc) {
        long position;
        PreparedRecord record;
        while (true) {
            position = nextClaim.get();
            int slot = (int) position & mask;
            long sequence = sequences.getAcquire(slot);
            if (sequence == position) {
                PreparedRecord present = records[slot];
                PreparedRecord made = present == null ? new PreparedRecord() : null;
                if (nextClaim.compareAndSet(position, position + 1)) {
                    record = present;
                    if (record == null) {
                        record = made;
                        records[slot] = made;
                    }
                    break;
                }
            } else if (sequence < position) {
                noteSize(capacity);
                return false;
            }
        }
        try {
            record.fill(original, message, thrown, callerLocation, mdc);
        } finally {
            sequences.setRelease((int) position & mask, position + 1);
        }
        return true;
    }

    /**
     * Raises the high-water mark to the queue's size now. It is looked at when the consumer starts a batch and when a
     * producer finds the queue full, not at every record: reading the consumer's position on every offer would cost
     * each logging call a cache miss.
     */
    void noteSize() {
        noteSize(size());
    }

    private void noteSize(int size) {
        int mark = highWaterMark.get();
        while (size > mark && !highWaterMark.compareAndSet(mark, size)) {
            mark = highWaterMark.get();
        }
    }

    /**
     * Claims the oldest published record for the consumer, which reads it ({@link #recordAt}) and then gives the
     * slot back with {@link #free}; returns its position, or -1 if none is published. Only the consumer (the
     * listener, or whoever delivers after its stop) calls this.
     */
    long claim() {
        while (true) {
            long position = nextTake.get();
            int slot = (int) position & mask;
            long sequence = sequences.getAcquire(slot);
            if (sequence != position + 1) {
                if (sequence < position + 1) {
                    return -1;
                }
                continue;
            }
            if (consumersCompete) {
                if (!nextTake.compareAndSet(position, position + 1)) {
                    continue;
                }
            } else {
                nextTake.lazySet(position + 1);
            }
            return position;
        }
    }

    /**
     * As {@link #claim}, but waits out a producer that has claimed the oldest slot and not yet published it: -1 only
     * when the queue is empty.
     */
    long claimWaiting() {
        while (true) {
            long position = claim();
            if (position >= 0 || isEmpty()) {
                return position;
            }
            Thread.onSpinWait();
        }
    }

    /** The record at a position {@link #claim} returned. */
    PreparedRecord recordAt(long position) {
        return records[(int) position & mask];
    }

    /** Gives the slot of a claimed position back to the producers, once its record is copied out and cleared. */
    void free(long position) {
        sequences.setRelease((int) position & mask, position + capacity);
    }

    /**
     * Removes the oldest published record for drop-oldest and counts it as dropped; any producer thread (the
     * consumer's position is claimed by compare-and-set for this policy). Returns whether a record was removed.
     */
    boolean dropOldest() {
        while (true) {
            long position = nextTake.get();
            int slot = (int) position & mask;
            long sequence = sequences.getAcquire(slot);
            if (sequence != position + 1) {
                if (sequence < position + 1) {
                    return false;
                }
                continue;
            }
            if (nextTake.compareAndSet(position, position + 1)) {
                records[slot].clear();
                sequences.setRelease(slot, position + capacity);
                countDropped();
                return true;
            }
        }
    }

    /** Whether at least {@code slots} slots are free. */
    boolean hasRoom(int slots) {
        return nextClaim.get() - nextTake.get() <= capacity - slots;
    }

    boolean isEmpty() {
        return nextTake.get() >= nextClaim.get();
    }

    private int size() {
        long taken = nextTake.get();
        long claimed = nextClaim.get();
        return (int) Math.max(0, Math.min(capacity, claimed - taken));
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
        long accepted = nextClaim.get() + acceptedWithoutSlot.sum();
        return new QueueStatistics(name, capacity, accepted, delivered.get(), droppedNow, size(),
                highWaterMark.get());
    }

    /** How many records were dropped since when: the text of the warning the listener emits. */
    record DropReport(long count, Instant since) {

        String message(String queueName) {
            return count + (count == 1 ? " record" : " records") + " dropped by queue '" + queueName + "' since "
                    + since;
        }
    }

    /**
     * A position counter alone on its cache line (64 bytes), so that producers claiming and the consumer taking do
     * not slow each other down by sharing one.
     */
    @SuppressWarnings("unused")
    private static final class PaddedPosition extends AtomicLong {

        private static final long serialVersionUID = 1L;

        private long p1;
        private long p2;
        private long p3;
        private long p4;
        private long p5;
        private long p6;
        private long p7;
    }
}
