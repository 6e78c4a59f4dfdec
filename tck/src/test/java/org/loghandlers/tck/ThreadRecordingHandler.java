package org.loghandlers.tck;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** Remembers the name of the thread that gave it its first record. */
public class ThreadRecordingHandler extends Handler {

    private final CompletableFuture<String> threadName = new CompletableFuture<>();

    public String awaitThreadName() throws Exception {
        return threadName.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void publish(LogRecord record) {
        threadName.complete(Thread.currentThread().getName());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
