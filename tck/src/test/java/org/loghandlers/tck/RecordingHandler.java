package org.loghandlers.tck;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** Keeps every record it is given with the thread that gave it, for tests that look at both. */
public class RecordingHandler extends Handler {

    /** One record as this handler received it. */
    public record Delivery(LogRecord record, Thread thread) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public List<Delivery> deliveries() {
        return deliveries;
    }

    /** The first delivery whose message is {@code message}, waiting up to ten seconds for it. */
    public Delivery await(String message) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (Delivery delivery : deliveries) {
                if (message.equals(delivery.record().getMessage())) {
                    return delivery;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no record '" + message + "' in " + deliveries.stream()
                .map(delivery -> delivery.record().getMessage()).toList());
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            deliveries.add(new Delivery(record, Thread.currentThread()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
