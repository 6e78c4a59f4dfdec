package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.FaultInjection;

class FileHandlerTest {

    @TempDir
    Path dir;

    private static LogRecord record(String message) {
        return new LogRecord(Level.INFO, message);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void createsTheFileAtOnceUnlessDelayed() {
        Path eager = dir.resolve("eager.log");
        Path delayed = dir.resolve("delayed.log");
        FileHandler now = new FileHandler(eager.toString());
        FileHandler later = new FileHandler(delayed.toString(), "a", true);
        assertTrue(Files.exists(eager));
        assertFalse(Files.exists(delayed));
        assertNull(later.getStream());
        later.publish(record("first"));
        assertTrue(Files.exists(delayed));
        now.close();
        later.close();
    }

    @Test
    void appendsByDefaultAndTruncatesInModeW() throws IOException {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "old\n");
        FileHandler append = new FileHandler(file.toString());
        append.publish(record("appended"));
        append.close();
        assertEquals(List.of("old", "appended"), lines(file));
        FileHandler truncate = new FileHandler(file.toString(), "w", false);
        truncate.publish(record("fresh"));
        truncate.close();
        assertEquals(List.of("fresh"), lines(file));
    }

    @Test
    void ignoresRecordsAfterCloseInEitherMode() throws IOException {
        for (String mode : List.of("a", "w")) {
            Path file = dir.resolve(mode + ".log");
            FileHandler handler = new FileHandler(file.toString(), mode, false);
            handler.publish(record("1"));
            handler.close();
            handler.publish(record("2"));
            handler.close();
            assertEquals(List.of("1"), lines(file), mode);
        }
    }

    @Test
    void isConfigurableThroughSettersAsWildFlyDoes() throws IOException {
        Path file = dir.resolve("nested/deeper/app.log");
        FileHandler handler = new FileHandler();
        handler.setFileName(file.toString());
        handler.setEncoding("ISO-8859-1");
        handler.publish(record("café"));
        handler.close();
        assertEquals("caf\u00e9\n", Files.readString(file, StandardCharsets.ISO_8859_1));
        assertEquals(file.toString(), handler.getFileName());
    }

    @Test
    void rejectsBadOptionValuesNamingTheOption() {
        FileHandler handler = new FileHandler();
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> handler.setMode("x"));
        assertTrue(mode.getMessage().startsWith("mode: 'x'"), mode.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> handler.setFileName(dir.toString()));
        assertTrue(name.getMessage().contains("fileName") && name.getMessage().contains("directory"),
                name.getMessage());
    }

    @Test
    void keepsManyThreadsRecordsWholeAndComplete() throws Exception {
        Path file = dir.resolve("threads.log");
        FileHandler handler = new FileHandler(file.toString());
        handler.setAutoFlush(false);
        int threads = 8;
        int perThread = 5_000;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            writers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    handler.publish(record("thread-" + id + " record-" + i + " " + "x".repeat(i % 50)));
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }
        handler.close();
        List<String> written = lines(file);
        assertEquals(threads * perThread, written.size());
        assertEquals(threads * perThread, written.stream().distinct().count());
        assertTrue(written.stream().allMatch(l -> l.matches("thread-\\d record-\\d+ x*")));
    }

    @Test
    void reportsAnUnwritableDirectoryOnceAndResumesWhenItIsWritableAgain() throws IOException {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Path file = logs.resolve("app.log");
        FileHandler handler = new FileHandler(file.toString(), "a", true);
        CountingErrorManager errors = new CountingErrorManager();
        handler.setErrorManager(errors);
        FaultInjection.makeImmutable(logs);
        try {
            for (int i = 0; i < 50; i++) {
                handler.publish(record("lost " + i));
            }
        } finally {
            FaultInjection.makeMutable(logs);
        }
        assertEquals(1, errors.count(), errors.reports().toString());
        assertTrue(errors.reports().get(0).message().contains(file.toString()), errors.reports().toString());
        assertEquals(50, handler.getLostRecordCount());
        handler.publish(record("back"));
        handler.close();
        assertEquals(List.of("back"), lines(file));
    }

    @Test
    void reportsAnImmutableFileOnceAndResumesWhenTheCauseGoesAway() throws IOException {
        Path file = dir.resolve("locked.log");
        FileHandler handler = new FileHandler(file.toString());
        CountingErrorManager errors = new CountingErrorManager();
        handler.setErrorManager(errors);
        handler.publish(record("before"));
        FaultInjection.makeImmutable(file);
        try {
            for (int i = 0; i < 20; i++) {
                handler.publish(record("during " + i));
            }
        } finally {
            FaultInjection.makeMutable(file);
        }
        handler.publish(record("after"));
        handler.close();
        assertEquals(1, errors.count(), errors.reports().toString());
        assertEquals(List.of("before", "after"), lines(file));
    }

    @Test
    void survivesAFullDiskWithoutSplittingALineAndResumesWhenSpaceIsFreed() throws IOException {
        Path disk = dir.resolve("disk");
        FaultInjection.mountSmallDisk(disk, 64 * 1024);
        try {
            Path filler = disk.resolve("filler.bin");
            Path file = disk.resolve("app.log");
            FileHandler handler = new FileHandler(file.toString());
            CountingErrorManager errors = new CountingErrorManager();
            handler.setErrorManager(errors);
            Files.write(filler, new byte[60 * 1024]);
            String payload = "y".repeat(90);
            int attempts = 200;
            for (int i = 0; i < attempts; i++) {
                handler.publish(record(String.format("%04d %s", i, payload)));
            }
            assertEquals(1, errors.count(), errors.reports().toString());
            assertTrue(handler.getLostRecordCount() > 0);
            Files.delete(filler);
            handler.publish(record("after the disk was freed"));
            handler.close();
            List<String> written = lines(file);
            assertEquals("after the disk was freed", written.get(written.size() - 1));
            List<String> before = written.subList(0, written.size() - 1);
            assertTrue(before.stream().allMatch(l -> l.matches("\\d{4} y{90}")), "a line was split: " + before);
            assertEquals(attempts, before.size() + handler.getLostRecordCount());
        } finally {
            FaultInjection.unmount(disk);
        }
    }

    @Test
    void recreatesItsFileWhenTheDirectoryIsDeleted() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Path file = logs.resolve("app.log");
        FileHandler handler = new FileHandler(file.toString());
        CountingErrorManager errors = new CountingErrorManager();
        handler.setErrorManager(errors);
        handler.publish(record("before"));
        Files.delete(file);
        Files.delete(logs);
        long deadline = System.nanoTime() + 10_000_000_000L;
        int i = 0;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            handler.publish(record("probe " + i++));
            Thread.sleep(50);
        }
        handler.publish(record("after"));
        handler.close();
        assertTrue(Files.exists(file), "the file was not recreated");
        List<String> written = lines(file);
        assertEquals("after", written.get(written.size() - 1));
        assertEquals(1, errors.count(), errors.reports().toString());
    }

    @Test
    void recreatesItsFileWhenDeletedWhileAQueueListenerFeedsItInBatches() throws Exception {
        Path file = dir.resolve("batched.log");
        FileHandler handler = new FileHandler(file.toString());
        CountingErrorManager errors = new CountingErrorManager();
        handler.setErrorManager(errors);
        handler.handleInBatch(record("before"));
        handler.flush();
        Files.delete(file);
        long deadline = System.nanoTime() + 10_000_000_000L;
        int i = 0;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            handler.handleInBatch(record("probe " + i++));
            handler.handleInBatch(record("probe " + i++));
            handler.flush();
            Thread.sleep(50);
        }
        handler.handleInBatch(record("after"));
        handler.flush();
        handler.close();
        assertTrue(Files.exists(file), "the file was not recreated");
        List<String> written = lines(file);
        assertEquals("after", written.get(written.size() - 1));
        assertEquals(1, errors.count(), errors.reports().toString());
    }
}
