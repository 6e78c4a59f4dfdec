package org.loghandlers.handlers;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether a queue's consumer is parked, so that the logging thread that queues the next record wakes it, and only
 * then. Every logging call reads the flag; the consumer writes it each time it parks. The flag is the middle cell of
 * an array of otherwise unused cells, so it has a cache line to itself: its writes do not take from the logging
 * threads the lines of the fields they read on every record (the queue handler's options, the listener's state),
 * as a flag placed in memory next to those objects would.
 *
 * <p>The thread to wake is the one that raised the flag, read only once a logging thread has claimed the wake-up.
 * A thread read before that may be none yet (a listener whose thread has not started running) or an earlier task
 * of a listener on an executor; a wake-up claimed and then sent there would leave the consumer parked for good.
 */
final class ConsumerParking {

    /** Eight cells (64 bytes) on either side of the flag. */
    private static final int FLAG = 8;

    private final AtomicLongArray cells = new AtomicLongArray(2 * FLAG + 1);
    /** The consumer thread that last raised the flag; written before the flag, so a wake-up that saw it sees this. */
    private volatile Thread parker;

    /** Called by the consumer before it looks one last time for a record and parks. */
    void parking() {
        Thread current = Thread.currentThread();
        if (parker != current) {
            parker = current;
        }
        cells.set(FLAG, 1L);
    }

    /** Called by the consumer once it runs again. */
    void running() {
        cells.set(FLAG, 0L);
    }

    /** Wakes the consumer if it is parked; of the threads calling this at the same time, one unparks it. */
    void wake() {
        if (cells.get(FLAG) != 0L && cells.compareAndSet(FLAG, 1L, 0L)) {
            LockSupport.unpark(parker);
        }
    }
}
