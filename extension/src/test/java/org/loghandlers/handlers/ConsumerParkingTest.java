package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The wake-up a logging thread claims reaches the consumer parked at that moment. A queue whose consumer stayed
 * parked with records queued (the logging thread had read the consumer before the listener's thread started, and
 * unparked nobody) is what this pins.
 */
class ConsumerParkingTest {

    private static final long BOUND_MILLIS = 30_000;

    /** A consumer as the listener's loop parks: raise the flag, look once more, park until woken, lower the flag. */
    private static Thread parkUntilWoken(ConsumerParking parking, AtomicBoolean offered) {
        Thread consumer = new Thread(() -> {
            while (true) {
                parking.parking();
                if (offered.get()) {
                    parking.running();
                    return;
                }
                LockSupport.park();
                parking.running();
            }
        });
        consumer.setDaemon(true);
        consumer.start();
        return consumer;
    }

    private static void awaitParked(Thread thread) {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aWakeUnparksTheConsumerParkedNow() throws InterruptedException {
        ConsumerParking parking = new ConsumerParking();
        AtomicBoolean offered = new AtomicBoolean();
        Thread consumer = parkUntilWoken(parking, offered);
        awaitParked(consumer);
        offered.set(true);
        parking.wake();
        consumer.join(BOUND_MILLIS);
        assertFalse(consumer.isAlive(), "the consumer is still parked after the wake-up");
    }

    @Test
    void aWakeReachesTheThreadParkedNowNotAnEarlierConsumerOfTheSameQueue() throws InterruptedException {
        ConsumerParking parking = new ConsumerParking();
        AtomicBoolean firstOffered = new AtomicBoolean();
        Thread first = parkUntilWoken(parking, firstOffered);
        awaitParked(first);
        firstOffered.set(true);
        parking.wake();
        first.join(BOUND_MILLIS);

        AtomicBoolean secondOffered = new AtomicBoolean();
        Thread second = parkUntilWoken(parking, secondOffered);
        awaitParked(second);
        secondOffered.set(true);
        parking.wake();
        second.join(BOUND_MILLIS);
        assertFalse(second.isAlive(), "the wake-up went to the consumer's earlier thread");
    }

    @Test
    void aWakeWithNoConsumerParkedLeavesTheNextParkToTheNextWake() throws InterruptedException {
        ConsumerParking parking = new ConsumerParking();
        parking.wake();
        AtomicBoolean offered = new AtomicBoolean();
        Thread consumer = parkUntilWoken(parking, offered);
        awaitParked(consumer);
        offered.set(true);
        parking.wake();
        consumer.join(BOUND_MILLIS);
        assertFalse(consumer.isAlive(), "the consumer is still parked after the wake-up");
    }
}
