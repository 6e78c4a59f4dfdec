package org.loghandlers.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.enterprise.concurrent.ManageableThread;

/**
 * Notes in its {@code file}, for a test client outside the server, which thread handed it each record:
 * {@code <message> thread=<name> managed=<true when a Jakarta Concurrency managed thread>}. Also pins a
 * {@link ReceiverAppMarker} to its deployment's class loader, so a test needs no request to the deployment.
 */
public class ThreadNotingHandler extends Handler {

    private volatile Path file;

    public void setFile(String file) {
        this.file = Path.of(file);
    }

    public String getFile() {
        return String.valueOf(file);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        ReceiverAppMarker.pin();
        Thread thread = Thread.currentThread();
        String line = record.getMessage() + " thread=" + thread.getName() + " managed="
                + (thread instanceof ManageableThread) + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
