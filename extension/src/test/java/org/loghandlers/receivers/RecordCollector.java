package org.loghandlers.receivers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A handler for tests that keeps every record it is given (after its level and filter), from any thread, and the
 * name of the thread that gave it.
 */
final class RecordCollector extends Handler {

    private final List<LogRecord> records = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            synchronized (records) {
                records.add(record);
                Thread current = Thread.currentThread();
                threads.add(current.getName() + (current.isDaemon() ? " (daemon)" : ""));
                records.notifyAll();
            }
        }
    }

    /** Waits up to 30 s until {@code count} records have arrived, and returns them all. */
    List<LogRecord> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (records) {
            while (records.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("got " + records.size() + " of " + count + " records in 30 s");
                }
                records.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            return new ArrayList<>(records);
        }
    }

    List<LogRecord> records() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }

    /** The threads that delivered each record, with " (daemon)" after daemon threads' names. */
    List<String> threads() {
        synchronized (records) {
            return new ArrayList<>(threads);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
