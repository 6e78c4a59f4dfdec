package org.loghandlers.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A target handler for tests: keeps every record it is given, the thread that gave it, and how often it was
 * flushed. {@link #holdFirstRecord()} makes the first delivery wait until {@link #release()}, to fill a queue.
 */
class CollectingTarget extends Handler {

    private final List<LogRecord> records = new ArrayList<>();
    private final List<String> deliveringThreads = new ArrayList<>();
    private final AtomicInteger flushes = new AtomicInteger();
    private volatile CountDownLatch gate;
    private final CountDownLatch firstArrived = new CountDownLatch(1);

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            keep(record);
        }
    }

    void keep(LogRecord record) {
        firstArrived.countDown();
        CountDownLatch waitFor = gate;
        if (waitFor != null) {
            try {
                waitFor.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (records) {
            records.add(record);
            deliveringThreads.add(Thread.currentThread().getName());
        }
    }

    /** Waits until the target holds {@code count} records. */
    void awaitRecords(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (records().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the target got " + records().size() + " of " + count + " records in 30 s");
            }
            Thread.sleep(1);
        }
    }

    void holdFirstRecord() {
        gate = new CountDownLatch(1);
    }

    void awaitFirstRecord() throws InterruptedException {
        if (!firstArrived.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no record reached the target in 30 s");
        }
    }

    void release() {
        CountDownLatch waiting = gate;
        gate = null;
        if (waiting != null) {
            waiting.countDown();
        }
    }

    List<LogRecord> records() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }

    List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records()) {
            messages.add(record.getMessage());
        }
        return messages;
    }

    List<String> deliveringThreads() {
        synchronized (records) {
            return new ArrayList<>(deliveringThreads);
        }
    }

    int flushes() {
        return flushes.get();
    }

    @Override
    public void flush() {
        flushes.incrementAndGet();
    }

    @Override
    public void close() {
    }

    /** The same target, opting in to Python's {@code handle}: its filter applies, its level does not. */
    static class IgnoringLevel extends CollectingTarget implements FilterOnlyHandler {

        @Override
        public void handle(LogRecord record) {
            if (getFilter() == null || getFilter().isLoggable(record)) {
                keep(record);
            }
        }
    }
}
