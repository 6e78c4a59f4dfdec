package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchedFileHandlerTest {

    @TempDir
    Path dir;

    private static LogRecord record(String message) {
        return new LogRecord(Level.INFO, message);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void writesToAFreshFileAfterLogrotateRenamedIt() throws IOException {
        Path file = dir.resolve("app.log");
        Path rotated = dir.resolve("app.log.1");
        WatchedFileHandler handler = new WatchedFileHandler(file.toString());
        handler.publish(record("one"));
        Files.move(file, rotated);
        handler.publish(record("two"));
        handler.close();
        assertEquals(List.of("one"), lines(rotated));
        assertEquals(List.of("two"), lines(file));
    }

    @Test
    void behindAQueueTheBatchAfterLogrotateRenamedTheFileGoesToAFreshFile() throws Exception {
        Path file = dir.resolve("app.log");
        Path rotated = dir.resolve("app.log.1");
        WatchedFileHandler handler = new WatchedFileHandler(file.toString());
        QueueHandler queue = new QueueHandler(handler);
        for (int i = 0; i < 100; i++) {
            queue.publish(record("before " + i));
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (queue.getStatistics().delivered() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Files.move(file, rotated);
        for (int i = 0; i < 100; i++) {
            queue.publish(record("after " + i));
        }
        queue.close();
        handler.close();
        assertEquals(100, lines(rotated).size());
        assertEquals("before 99", lines(rotated).get(99));
        assertEquals(100, lines(file).size());
        assertEquals("after 0", lines(file).get(0));
    }

    @Test
    void recreatesTheFileAfterItWasDeleted() throws IOException {
        Path file = dir.resolve("app.log");
        WatchedFileHandler handler = new WatchedFileHandler(file.toString());
        handler.publish(record("one"));
        Files.delete(file);
        handler.publish(record("two"));
        handler.close();
        assertEquals(List.of("two"), lines(file));
    }

    @Test
    void keepsWritingToAFileTruncatedInPlace() throws IOException {
        Path file = dir.resolve("app.log");
        WatchedFileHandler handler = new WatchedFileHandler(file.toString());
        handler.publish(record("one"));
        Files.write(file, new byte[0]);
        handler.publish(record("two"));
        handler.close();
        assertEquals(List.of("two"), lines(file));
    }

    @Test
    void neverFailsWhileAnotherThreadKeepsDeletingTheFile() throws Exception {
        Path file = dir.resolve("race.log");
        for (boolean delay : new boolean[] {false, true}) {
            WatchedFileHandler handler = new WatchedFileHandler(file.toString(), "a", delay);
            org.loghandlers.testing.CountingErrorManager errors = new org.loghandlers.testing.CountingErrorManager();
            handler.setErrorManager(errors);
            Thread deleter = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // The handler may be recreating it right now.
                    }
                }
            });
            deleter.start();
            for (int i = 0; i < 500; i++) {
                handler.publish(record("record " + i));
            }
            deleter.join();
            handler.publish(record("last"));
            handler.close();
            assertEquals(0, errors.count(), errors.reports().toString());
            List<String> written = lines(file);
            assertEquals("last", written.get(written.size() - 1));
        }
    }
}
