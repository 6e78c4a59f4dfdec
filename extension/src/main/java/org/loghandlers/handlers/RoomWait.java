package org.loghandlers.handlers;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where logging threads wait while a queue under {@code block} is full: the consumer wakes them once a stretch of
 * the ring is free again, instead of each waiting thread waking on a timer to look. A thread that wakes to find
 * no room yet would take the processor from the consumer, the one thread that can make room; on a machine with
 * few cores that costs more than the look. A timeout bounds any wake-up that is missed.
 */
final class RoomWait {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomMade = lock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * Waits until {@code queue} has {@code room} free slots, the consumer signals, or {@code maxNanos} pass;
     * returns at once if there is room. Interrupts are kept for the caller's thread, not acted on.
     */
    void await(RecordQueue queue, int room, long maxNanos) {
        waiting.incrementAndGet();
        boolean interrupted = false;
        lock.lock();
        try {
            if (!queue.hasRoom(room)) {
                roomMade.awaitNanos(maxNanos);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            lock.unlock();
            waiting.decrementAndGet();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called by the consumer as it frees slots: wakes the waiting threads once there is {@code room}. */
    void signalIfRoom(RecordQueue queue, int room) {
        if (waiting.get() > 0 && queue.hasRoom(room)) {
            signalAll();
        }
    }

    /** Wakes every waiting thread, to look again at the queue's state (it stopped, say). */
    void signalAll() {
        lock.lock();
        try {
            roomMade.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
