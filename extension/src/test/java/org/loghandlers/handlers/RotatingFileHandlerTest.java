package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.FaultInjection;
import org.loghandlers.testing.Python;

class RotatingFileHandlerTest {

    @TempDir
    Path dir;

    private static LogRecord record(String message) {
        return new LogRecord(Level.INFO, message);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** File name to content of every file in {@code folder}. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : (Iterable<Path>) list::iterator) {
                files.put(file.getFileName().toString(), read(file));
            }
        }
        return files;
    }

    @Test
    void followsPythonsWorkedExample() throws IOException {
        Path file = dir.resolve("app.log");
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), 10, 2);
        for (String message : List.of("aaaa", "bbbb", "cc", "d".repeat(20), "e")) {
            handler.publish(record(message));
        }
        handler.close();
        assertEquals(Map.of("app.log", "e\n", "app.log.1", "d".repeat(20) + "\n", "app.log.2", "bbbb\ncc\n"),
                contents(dir));
    }

    @Test
    void producesTheSameFilesAsCPythonForTheSameRecords() throws Exception {
        String python = String.join("\n",
                "import logging, logging.handlers, os, sys",
                "base, max_bytes, backups = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])",
                "h = logging.handlers.RotatingFileHandler(base, maxBytes=max_bytes, backupCount=backups,"
                        + " encoding='utf-8')",
                "for line in sys.stdin.read().split('\\n'):",
                "    h.emit(logging.makeLogRecord({'msg': line}))",
                "h.close()");
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            messages.add("record " + i + " " + "z".repeat((i * 7) % 23));
        }
        int[][] limits = {{1, 2}, {10, 2}, {64, 3}, {100, 5}, {300, 1}, {50, 0}, {0, 3}};
        for (int[] limit : limits) {
            Path pythonDir = Files.createDirectory(dir.resolve("py-" + limit[0] + "-" + limit[1]));
            Path javaDir = Files.createDirectory(dir.resolve("java-" + limit[0] + "-" + limit[1]));
            Path input = dir.resolve("input.txt");
            Files.writeString(input, String.join("\n", messages), StandardCharsets.UTF_8);
            runPython(python, pythonDir, input, limit);
            RotatingFileHandler handler = new RotatingFileHandler(javaDir.resolve("app.log").toString(),
                    limit[0], limit[1]);
            messages.forEach(m -> handler.publish(record(m)));
            handler.close();
            assertEquals(contents(pythonDir), contents(javaDir),
                    "maxBytes=" + limit[0] + " backupCount=" + limit[1]);
        }
    }

    private static void runPython(String script, Path workDir, Path input, int[] limit) throws Exception {
        String redirected = "import sys; sys.stdin = open(" + pyString(input.toString()) + ", encoding='utf-8')\n"
                + script;
        Python.run(redirected, workDir, Map.of(), "app.log", String.valueOf(limit[0]), String.valueOf(limit[1]));
    }

    private static String pyString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void neverRollsOverAnEmptyFileEvenForARecordLargerThanMaxBytes() throws IOException {
        Path file = dir.resolve("app.log");
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), 5, 2);
        handler.publish(record("much longer than five bytes"));
        handler.close();
        assertEquals(List.of("app.log"), names(dir));
    }

    @Test
    void rollsOverBeforeTheRecordThatWouldReachMaxBytesCountingEncodedBytes() throws IOException {
        Path file = dir.resolve("app.log");
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), 8, 1);
        handler.publish(record("ab"));
        handler.publish(record("éé"));
        handler.close();
        assertEquals(Map.of("app.log", "éé\n", "app.log.1", "ab\n"), contents(dir));
    }

    @Test
    void growsWithoutBoundWhenBackupCountIsZero() throws IOException {
        Path file = dir.resolve("app.log");
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), 5, 0);
        for (String message : List.of("1234", "5678", "9")) {
            handler.publish(record(message));
        }
        handler.close();
        assertEquals(Map.of("app.log", "1234\n5678\n9\n"), contents(dir));
    }

    @Test
    void neverRollsOverADevice() {
        RotatingFileHandler handler = new RotatingFileHandler("/dev/null", 1, 2);
        handler.publish(record("first"));
        handler.publish(record("second"));
        handler.close();
        assertFalse(Files.exists(Path.of("/dev/null.1")));
    }

    @Test
    void forcesAppendModeWhenMaxBytesIsSet() throws IOException {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "kept\n");
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), "w", 1000, 1, false);
        handler.publish(record("added"));
        handler.close();
        assertEquals("kept\nadded\n", read(file));
    }

    @Test
    void appliesTheNamerToEveryBackupAndNeverKeepsMoreThanBackupCount() throws IOException {
        Path file = dir.resolve("app.log");
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), 1, 2);
        handler.setNamer(name -> name + ".test");
        for (int i = 1; i <= 4; i++) {
            handler.publish(record(String.valueOf(i)));
        }
        handler.close();
        assertEquals(Map.of("app.log", "4\n", "app.log.1.test", "3\n", "app.log.2.test", "2\n"), contents(dir));
    }

    @Test
    void usesTheRotatorOnlyToMoveTheActiveFile() throws IOException {
        Path file = dir.resolve("app.log");
        List<String> rotations = new ArrayList<>();
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), 1, 3);
        handler.setRotator((source, destination) -> {
            rotations.add(source.getFileName() + " -> " + destination.getFileName());
            Files.move(source, destination);
        });
        for (int i = 1; i <= 3; i++) {
            handler.publish(record(String.valueOf(i)));
        }
        handler.close();
        assertEquals(List.of("app.log -> app.log.1", "app.log -> app.log.1"), rotations);
        assertEquals(Map.of("app.log", "3\n", "app.log.1", "2\n", "app.log.2", "1\n"), contents(dir));
    }

    @Test
    void compressesBackupsAndCountsThemForRetention() throws IOException {
        Path file = dir.resolve("app.log");
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), 1, 2);
        handler.setCompress(true);
        for (int i = 1; i <= 5; i++) {
            handler.publish(record("message " + i));
        }
        handler.close();
        assertEquals(List.of("app.log", "app.log.1.gz", "app.log.2.gz"), names(dir));
        assertEquals("message 5\n", read(file));
        assertEquals("message 4\n", gunzip(dir.resolve("app.log.1.gz")));
        assertEquals("message 3\n", gunzip(dir.resolve("app.log.2.gz")));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rejectsNegativeLimitsNamingTheOption() {
        RotatingFileHandler handler = new RotatingFileHandler();
        IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class, () -> handler.setMaxBytes(-1));
        assertTrue(bytes.getMessage().startsWith("maxBytes: -1"), bytes.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> handler.setBackupCount(-2));
        assertTrue(count.getMessage().startsWith("backupCount: -2"), count.getMessage());
    }

    @Test
    void losesDuplicatesOrSplitsNoLineWhenEightThreadsWriteThroughRollovers() throws Exception {
        Path file = dir.resolve("app.log");
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), 4096, 10_000);
        int threads = 8;
        int perThread = 3_000;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            writers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    handler.publish(record("thread-" + id + " record-" + i + " " + "x".repeat(i % 40)));
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }
        handler.close();
        Map<String, String> files = contents(dir);
        assertTrue(files.size() > 100, "expected many rollovers, got " + files.size() + " files");
        List<String> all = new ArrayList<>();
        for (String content : files.values()) {
            assertTrue(content.getBytes(StandardCharsets.UTF_8).length < 4096 + 100);
            assertTrue(content.endsWith("\n"));
            all.addAll(List.of(content.split("\n")));
        }
        assertEquals(threads * perThread, all.size());
        assertEquals(threads * perThread, all.stream().distinct().count());
        assertTrue(all.stream().allMatch(l -> l.matches("thread-\\d record-\\d+ x*")));
    }

    @Test
    void keepsWritingToTheActiveFileWhileRolloverIsImpossibleAndRollsOverOnceItIsPossible() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Path file = logs.resolve("app.log");
        RotatingFileHandler handler = new RotatingFileHandler(file.toString(), 20, 3);
        CountingErrorManager errors = new CountingErrorManager();
        handler.setErrorManager(errors);
        handler.publish(record("first record"));
        FaultInjection.makeImmutable(logs);
        try {
            for (int i = 0; i < 30; i++) {
                handler.publish(record("kept " + i));
            }
        } finally {
            FaultInjection.makeMutable(logs);
        }
        assertEquals(1, errors.count(), errors.reports().toString());
        assertTrue(read(file).contains("kept 29\n"));
        Thread.sleep(1_100);
        handler.publish(record("rolled"));
        handler.close();
        assertEquals("rolled\n", read(file));
        String backup = read(logs.resolve("app.log.1"));
        assertTrue(backup.startsWith("first record\nkept 0\n") && backup.endsWith("kept 29\n"), backup);
        assertEquals(List.of("app.log", "app.log.1"), names(logs));
    }
}
