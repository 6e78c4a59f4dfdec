package org.loghandlers.handlers;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One mail waiting to be sent: its envelope, subject and formatted records, and how many records of its period did
 * not fit in it. The logging thread that handed it over may wait a bounded time for {@link #finished()}.
 */
final class OutgoingMail {

    private final String from;
    private final List<String> to;
    private final String subject;
    private final List<String> records;
    private final long notIncluded;
    private final CountDownLatch done = new CountDownLatch(1);

    OutgoingMail(String from, List<String> to, String subject, List<String> records, long notIncluded) {
        this.from = from;
        this.to = List.copyOf(to);
        this.subject = subject;
        this.records = List.copyOf(records);
        this.notIncluded = notIncluded;
    }

    String from() {
        return from;
    }

    List<String> to() {
        return to;
    }

    String subject() {
        return subject;
    }

    List<String> records() {
        return records;
    }

    long notIncluded() {
        return notIncluded;
    }

    /** Sent or given up. */
    void finished() {
        done.countDown();
    }

    /** Waits at most {@code nanos} for {@link #finished()}; the mail stays queued if it was not. */
    void awaitFinished(long nanos) {
        try {
            done.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
