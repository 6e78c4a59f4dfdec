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
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link TimedRotatingFileHandler} on real files, driven by a clock the test moves. */
class TimedRotatingFileHandlerTest {

    /** A zone without daylight saving, so that local times below are plain. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 25, 10, 17, 23);

    @TempDir
    Path dir;

    private final List<TimedRotatingFileHandler> handlers = new ArrayList<>();

    /** A clock that stands still until the test moves it, possibly backwards; safe across threads. */
    private static final class SteppingClock extends Clock {
        private final AtomicLong millis;
        private final ZoneId zone;

        SteppingClock(LocalDateTime start, ZoneId zone) {
            this.millis = new AtomicLong(start.atZone(zone).toInstant().toEpochMilli());
            this.zone = zone;
        }

        void set(LocalDateTime local) {
            millis.set(local.atZone(zone).toInstant().toEpochMilli());
        }

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    private final SteppingClock clock = new SteppingClock(START, ZONE);

    private TimedRotatingFileHandler handler(String when, int backupCount) {
        TimedRotatingFileHandler handler = new TimedRotatingFileHandler();
        handler.setClock(clock);
        handler.setFileName(dir.resolve("app.log").toString());
        handler.setWhen(when);
        handler.setBackupCount(backupCount);
        handlers.add(handler);
        return handler;
    }

    @AfterEach
    void closeHandlers() {
        handlers.forEach(TimedRotatingFileHandler::close);
    }

    private static void log(TimedRotatingFileHandler handler, String message) {
        handler.publish(new LogRecord(Level.INFO, message));
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private Set<String> files() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** A weekly backup is named for the day a week before the rollover, as in Python. */
    @ParameterizedTest(name = "when={0}: rolls over after {1} s into app.log.{2}")
    @CsvSource({
            "S, 1, 2026-11-25_10-17-23",
            "M, 60, 2026-11-25_10-17",
            "H, 3600, 2026-11-25_10",
            "MIDNIGHT, 49357, 2026-11-25",
            "W2, 49357, 2026-11-19"})
    void namesTheBackupForTheStartOfTheIntervalItCovers(String when, long secondsToRollover, String suffix)
            throws IOException {
        TimedRotatingFileHandler handler = handler(when, 0);
        log(handler, "a");
        clock.advance(Duration.ofSeconds(secondsToRollover - 1));
        log(handler, "b");
        assertEquals(Set.of("app.log"), files(), "no rollover one second early");
        clock.advance(Duration.ofSeconds(1));
        log(handler, "c");
        assertEquals(Set.of("app.log", "app.log." + suffix), files());
        assertEquals("a\nb\n", read("app.log." + suffix));
        assertEquals("c\n", read("app.log"));
    }

    @Test
    void rollsOverDailyAtAtTimeAndNamesTheBackupForTheDayBefore() throws IOException {
        TimedRotatingFileHandler handler = handler("midnight", 0);
        handler.setAtTime("09:30");
        log(handler, "a");
        clock.set(LocalDateTime.of(2026, 11, 26, 9, 29, 59));
        log(handler, "b");
        assertEquals(Set.of("app.log"), files());
        clock.set(LocalDateTime.of(2026, 11, 26, 9, 30, 0));
        log(handler, "c");
        assertEquals("a\nb\n", read("app.log.2026-11-25"));
        assertEquals("c\n", read("app.log"));
    }

    @Test
    void keepsOnlyTheNewestBackupsAndLeavesOtherFilesAlone() throws IOException {
        List<String> foreign = List.of("app.log.1", "app.log.2020-01-01_00-00-00.txt", "other.log.2020-01-01_00-00-00",
                "app.log.b.2020-01-01_00-00-00", "app.log.2020-01-01_00-00-00.gz.part", "app.log.2020-01-01");
        for (String name : foreign) {
            Files.writeString(dir.resolve(name), "foreign\n");
        }
        Files.writeString(dir.resolve("app.log.2020-01-01_00-00-00"), "own but old\n");
        TimedRotatingFileHandler handler = handler("S", 2);
        for (int i = 0; i < 5; i++) {
            log(handler, "record " + i);
            clock.advance(Duration.ofSeconds(1));
        }
        Set<String> expected = new TreeSet<>(foreign);
        expected.addAll(Set.of("app.log", "app.log.2026-11-25_10-17-25", "app.log.2026-11-25_10-17-26"));
        assertEquals(expected, files());
        assertEquals("record 2\n", read("app.log.2026-11-25_10-17-25"));
        assertEquals("record 3\n", read("app.log.2026-11-25_10-17-26"));
        assertEquals("record 4\n", read("app.log"));
        for (String name : foreign) {
            assertEquals("foreign\n", read(name), name);
        }
    }

    @Test
    void keepsEveryBackupWhenBackupCountIsZero() throws IOException {
        TimedRotatingFileHandler handler = handler("S", 0);
        for (int i = 0; i < 6; i++) {
            log(handler, "record " + i);
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(6, files().size());
    }

    @Test
    void neverOverwritesAnExistingBackupAndDoesNotRollOverAgainForEachRecord() throws IOException {
        Files.writeString(dir.resolve("app.log.2026-11-25_10"), "precious\n");
        TimedRotatingFileHandler handler = handler("H", 0);
        log(handler, "a");
        clock.advance(Duration.ofHours(1));
        log(handler, "b");
        assertEquals("precious\n", read("app.log.2026-11-25_10"));
        assertEquals("a\n", read("app.log.2026-11-25_10.1"));
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofSeconds(1));
            log(handler, "more");
        }
        assertEquals(Set.of("app.log", "app.log.2026-11-25_10", "app.log.2026-11-25_10.1"), files());
        assertEquals("b\n" + "more\n".repeat(50), read("app.log"));
    }

    @Test
    void givesASecondCollidingBackupTheNextNumberAndCountsNumberedBackupsForRetention() throws IOException {
        Files.writeString(dir.resolve("app.log.2026-11-25_10"), "first\n");
        Files.writeString(dir.resolve("app.log.2026-11-25_10.1"), "second\n");
        TimedRotatingFileHandler handler = handler("H", 2);
        log(handler, "a");
        clock.advance(Duration.ofHours(1));
        log(handler, "b");
        assertEquals("a\n", read("app.log.2026-11-25_10.2"));
        assertEquals(Set.of("app.log", "app.log.2026-11-25_10.1", "app.log.2026-11-25_10.2"), files(),
                "the oldest of three (the unnumbered one) is deleted");
        clock.advance(Duration.ofHours(1));
        log(handler, "c");
        assertEquals(Set.of("app.log", "app.log.2026-11-25_10.2", "app.log.2026-11-25_11"), files());
    }

    @Test
    void doesNotRollOverForEachRecordAfterTheClockStepsBackAnHour() throws IOException {
        TimedRotatingFileHandler handler = handler("H", 0);
        log(handler, "a");
        clock.set(LocalDateTime.of(2026, 11, 25, 11, 20, 0));
        log(handler, "b");
        assertEquals(Set.of("app.log", "app.log.2026-11-25_10"), files());
        clock.advance(Duration.ofHours(-1));
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(1));
            log(handler, "x");
        }
        assertEquals(Set.of("app.log", "app.log.2026-11-25_10"), files());
        clock.set(LocalDateTime.of(2026, 11, 25, 12, 20, 0));
        log(handler, "c");
        assertEquals(Set.of("app.log", "app.log.2026-11-25_10", "app.log.2026-11-25_11"), files());
        assertEquals("b\n" + "x\n".repeat(100), read("app.log.2026-11-25_11"));
        assertEquals("c\n", read("app.log"));
    }

    @Test
    void rollsOverOnceAfterTheClockJumpsDaysAhead() throws IOException {
        TimedRotatingFileHandler handler = handler("H", 0);
        log(handler, "a");
        clock.advance(Duration.ofDays(3));
        log(handler, "b");
        log(handler, "c");
        assertEquals(Set.of("app.log", "app.log.2026-11-25_10"), files());
        assertEquals("b\nc\n", read("app.log"));
    }

    @Test
    void rollsAnOldFileOverAtTheFirstRecordAfterARestart() throws IOException {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "before the restart\n");
        Files.setLastModifiedTime(file, FileTime.from(
                LocalDateTime.of(2026, 11, 23, 18, 5, 0).atZone(ZONE).toInstant()));
        TimedRotatingFileHandler handler = handler("MIDNIGHT", 0);
        log(handler, "after");
        log(handler, "again");
        assertEquals(Set.of("app.log", "app.log.2026-11-23"), files());
        assertEquals("before the restart\n", read("app.log.2026-11-23"));
        assertEquals("after\nagain\n", read("app.log"));
    }

    @Test
    void timesTheFirstRolloverFromARecentFileNotFromNow() throws IOException {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "recent\n");
        Files.setLastModifiedTime(file, FileTime.from(
                LocalDateTime.of(2026, 11, 25, 10, 0, 0).atZone(ZONE).toInstant()));
        TimedRotatingFileHandler handler = handler("H", 0);
        log(handler, "a");
        clock.set(LocalDateTime.of(2026, 11, 25, 11, 0, 0));
        log(handler, "b");
        assertEquals("recent\na\n", read("app.log.2026-11-25_10"));
    }

    @Test
    void losesDuplicatesAndSplitsNoLineWhenEightThreadsWriteAcrossRollovers() throws Exception {
        TimedRotatingFileHandler handler = handler("S", 0);
        int threads = 8;
        int perThread = 2_000;
        AtomicInteger written = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread writer = new Thread(() -> {
                try {
                    start.await();
                    for (int n = 0; n < perThread; n++) {
                        log(handler, "thread " + id + " record " + n + " " + "x".repeat(n % 97));
                        if (written.incrementAndGet() % 1_000 == 0) {
                            clock.advance(Duration.ofSeconds(1));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            writers.add(writer);
            writer.start();
        }
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        handler.close();
        assertEquals(List.of(), failures);

        Set<String> names = files();
        assertTrue(names.size() >= 10, "expected many rollovers, got " + names);
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            String content = read(name);
            assertTrue(content.isEmpty() || content.endsWith("\n"), name + " ends in a split line");
            content.lines().forEach(lines::add);
        }
        Set<String> unique = new HashSet<>(lines);
        assertEquals(lines.size(), unique.size(), "duplicated lines");
        assertEquals(threads * perThread, lines.size(), "lost lines");
        for (int t = 0; t < threads; t++) {
            for (int n = 0; n < perThread; n++) {
                assertTrue(unique.contains("thread " + t + " record " + n + " " + "x".repeat(n % 97)),
                        "missing or split: thread " + t + " record " + n);
            }
        }
    }

    @Test
    void compressesBackupsAndCountsTheCompressedOnesForRetention() throws IOException {
        Files.writeString(dir.resolve("app.log.2020-01-01_00-00-00"), "old, uncompressed\n");
        TimedRotatingFileHandler handler = handler("S", 2);
        handler.setCompress(true);
        for (int i = 0; i < 5; i++) {
            log(handler, "record " + i);
            clock.advance(Duration.ofSeconds(1));
        }
        log(handler, "last");
        assertEquals(Set.of("app.log", "app.log.2026-11-25_10-17-26.gz", "app.log.2026-11-25_10-17-27.gz"), files());
        assertEquals("record 3\n", gunzip("app.log.2026-11-25_10-17-26.gz"));
        assertEquals("record 4\n", gunzip("app.log.2026-11-25_10-17-27.gz"));
        assertEquals("last\n", read("app.log"));
    }

    @Test
    void appliesTheNamerToBackupsAndFindsThemAgainForRetention() throws IOException {
        TimedRotatingFileHandler handler = handler("S", 1);
        handler.setNamer(name -> {
            Path p = Path.of(name);
            return p.resolveSibling(p.getFileName().toString().replace(".log", "") + ".log").toString();
        });
        for (int i = 0; i < 3; i++) {
            log(handler, "record " + i);
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(Set.of("app.log", "app.2026-11-25_10-17-24.log"), files());
        assertEquals("record 1\n", read("app.2026-11-25_10-17-24.log"));
    }

    private String gunzip(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(name)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rejectsBadOptionsNamingTheOption() {
        TimedRotatingFileHandler handler = new TimedRotatingFileHandler();
        handlers.add(handler);
        assertMessageStarts("when: 'X'", () -> handler.setWhen("X"));
        assertMessageStarts("when: 'W7'", () -> handler.setWhen("W7"));
        assertMessageStarts("when: 'W'", () -> handler.setWhen("W"));
        assertMessageStarts("interval: 0", () -> handler.setInterval(0));
        assertMessageStarts("atTime: '25:00'", () -> handler.setAtTime("25:00"));
        assertMessageStarts("backupCount: -1", () -> handler.setBackupCount(-1));
        assertEquals("H", handler.getWhen(), "a rejected value leaves the option unchanged");
        assertEquals(1, handler.getInterval());
    }

    @Test
    void acceptsOptionsInPythonsSpelling() {
        TimedRotatingFileHandler handler = new TimedRotatingFileHandler();
        handlers.add(handler);
        handler.setWhen("midnight");
        handler.setAtTime("02:30");
        handler.setInterval(3);
        handler.setUtc(true);
        assertEquals("MIDNIGHT", handler.getWhen());
        assertEquals("02:30:00", handler.getAtTime());
        assertEquals(3, handler.getInterval());
        assertTrue(handler.isUtc());
        handler.setAtTime("");
        assertEquals(null, handler.getAtTime());
    }

    @Test
    void constructorTakesPythonsArgumentsAndOpensTheFileUnlessDelayed() throws IOException {
        TimedRotatingFileHandler now = new TimedRotatingFileHandler(dir.resolve("now.log").toString(), "w6", 2, 4,
                false, true, java.time.LocalTime.of(6, 0));
        handlers.add(now);
        TimedRotatingFileHandler later = new TimedRotatingFileHandler(dir.resolve("later.log").toString(), "D", 1, 0,
                true, false, null);
        handlers.add(later);
        assertEquals(Set.of("now.log"), files());
        assertEquals("W6", now.getWhen());
        assertEquals(2, now.getInterval());
        assertEquals(4, now.getBackupCount());
        assertTrue(now.isUtc());
        assertEquals("06:00:00", now.getAtTime());
    }

    /** WildFly's custom-handler and JBoss logging.properties set options through JavaBean properties. */
    @Test
    void exposesEveryOptionAsAJavaBeanProperty() throws Exception {
        Set<String> writable = Stream.of(java.beans.Introspector.getBeanInfo(TimedRotatingFileHandler.class)
                        .getPropertyDescriptors())
                .filter(p -> p.getReadMethod() != null && p.getWriteMethod() != null)
                .map(java.beans.PropertyDescriptor::getName)
                .collect(Collectors.toSet());
        assertTrue(writable.containsAll(Set.of("when", "interval", "utc", "atTime", "backupCount", "compress",
                "fileName", "mode", "encoding", "delay")), writable.toString());
    }

    @Test
    void writesNothingAfterClose() throws IOException {
        TimedRotatingFileHandler handler = handler("S", 0);
        log(handler, "a");
        handler.close();
        handler.close();
        clock.advance(Duration.ofSeconds(5));
        log(handler, "b");
        assertEquals(Set.of("app.log"), files());
        assertEquals("a\n", read("app.log"));
        assertFalse(Files.exists(dir.resolve("app.log.2026-11-25_10-17-23")));
    }

    @Test
    void neverRollsOverADevice() {
        TimedRotatingFileHandler handler = new TimedRotatingFileHandler();
        handlers.add(handler);
        handler.setClock(clock);
        handler.setFileName("/dev/null");
        handler.setWhen("S");
        List<String> errors = collectErrors(handler);
        for (int i = 0; i < 3; i++) {
            log(handler, "discarded");
            clock.advance(Duration.ofSeconds(5));
        }
        assertEquals(List.of(), errors);
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
    }

    @Test
    void keepsWritingWhenARolloverFailsAndRollsOverOnceTheCauseIsGone() throws Exception {
        TimedRotatingFileHandler handler = handler("S", 0);
        List<String> errors = collectErrors(handler);
        log(handler, "a");
        chattr("+i", dir);
        try {
            clock.advance(Duration.ofSeconds(1));
            log(handler, "b");
            log(handler, "c");
        } finally {
            chattr("-i", dir);
        }
        assertEquals(Set.of("app.log"), files());
        assertEquals("a\nb\nc\n", read("app.log"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("rollover failed"), errors.get(0));
        Thread.sleep(1_100);
        log(handler, "d");
        assertEquals(Set.of("app.log", "app.log.2026-11-25_10-17-23"), files());
        assertEquals("a\nb\nc\n", read("app.log.2026-11-25_10-17-23"));
        assertEquals("d\n", read("app.log"));
    }

    private static void chattr(String flag, Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("skipped: chattr is not available: " + e.getMessage());
            return;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0,
                "skipped: chattr " + flag + " failed (not root, or the file system has no attributes): " + output);
    }

    /** Collects what the handler reports, as a user's ErrorManager would. */
    private static List<String> collectErrors(TimedRotatingFileHandler handler) {
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        handler.setErrorManager(new java.util.logging.ErrorManager() {
            @Override
            public synchronized void error(String message, Exception cause, int code) {
                errors.add(message);
            }
        });
        return errors;
    }

    private static void assertMessageStarts(String start, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
