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

    /**
     * Starts a consumer that parks as the listener's loop does (raise the flag, look once more for a record, park,
     * lower the flag), waits until it is parked, offers it a record and wakes it; fails if it is still parked.
     */
    private static void parkThenWake(ConsumerParking parking) throws InterruptedException {
        AtomicBoolean offered = new AtomicBoolean();
        Thread consumer = new Thread(() -> {
            while (true) {
                parking.parking();
                boolean found = offered.get();
                if (!found) {
                    LockSupport.park();
                }
                parking.running();
                if (found) {
                    return;
                }
            }
        });
        consumer.setDaemon(true);
        consumer.start();
        while (consumer.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        offered.set(true);
        parking.wake();
        consumer.join(BOUND_MILLIS);
        assertFalse(consumer.isAlive(), "the consumer is still parked after the wake-up");
    }

    @Test
    void aWakeUnparksTheConsumerParkedNow() throws InterruptedException {
        parkThenWake(new ConsumerParking());
    }

    @Test
    void aWakeReachesTheThreadParkedNowNotAnEarlierConsumerOfTheSameQueue() throws InterruptedException {
        ConsumerParking parking = new ConsumerParking();
        parkThenWake(parking);
        parkThenWake(parking);
    }

    @Test
    void aWakeWithNoConsumerParkedLeavesTheNextParkToTheNextWake() throws InterruptedException {
        ConsumerParking parking = new ConsumerParking();
        parking.wake();
        parkThenWake(parking);
    }
}
