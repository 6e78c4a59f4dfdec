package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loghandlers.testing.Python;

/**
 * The same timed records through CPython 3.13's {@code TimedRotatingFileHandler} (with {@code time.time} stubbed)
 * and through ours: the directories must hold the same files with the same contents. Skipped without CPython 3.13.
 */
class TimedRotatingFileHandlerVersusCPythonTest {

    private static final String SCRIPT = String.join("\n",
            "import datetime, logging, logging.handlers, os, sys, time",
            "when, interval, backup, utc, at, events, d = sys.argv[1:]",
            "lines = [l.split(' ', 1) for l in open(events, encoding='utf-8').read().splitlines()]",
            "now = [int(lines[0][0])]",
            "time.time = lambda: now[0]",
            "h = logging.handlers.TimedRotatingFileHandler(os.path.join(d, 'app.log'), when=when,",
            "    interval=int(interval), backupCount=int(backup), utc=(utc == 'true'), encoding='utf-8', delay=True,",
            "    atTime=None if at == 'None' else datetime.time.fromisoformat(at))",
            "for t, msg in lines:",
            "    now[0] = int(t)",
            "    h.handle(logging.makeLogRecord({'msg': msg}))",
            "h.close()");

    /** A clock the test sets to each record's time. */
    private static final class SetClock extends Clock {
        private final AtomicLong millis = new AtomicLong();
        private final ZoneId zone;

        SetClock(ZoneId zone) {
            this.zone = zone;
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
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @ParameterizedTest(name = "{0} when={1} interval={2} backupCount={3} utc={4} atTime={5}: from {6}, every {7} s")
    @CsvSource({
            "America/New_York, MIDNIGHT, 1, 3, false, None, 2012-10-30T10:00, 10800, 100",
            "America/New_York, MIDNIGHT, 1, 0, false, 01:30:00, 2012-11-02T10:00, 1800, 200",
            "America/New_York, MIDNIGHT, 2, 2, false, 02:00:00, 2012-03-05T10:00, 7200, 200",
            "America/New_York, W6, 1, 2, false, None, 2012-10-01T10:00, 43200, 100",
            "America/New_York, W0, 1, 0, false, 12:00:00, 2012-02-20T09:00, 36000, 100",
            "Europe/Berlin, H, 1, 5, false, None, 2026-06-01T10:00, 1500, 100",
            "Europe/Berlin, M, 3, 4, true, None, 2026-10-25T00:50, 47, 100",
            "Asia/Kolkata, S, 5, 3, false, None, 2026-11-25T10:00, 3, 60",
            "UTC, D, 1, 2, true, None, 2026-01-01T00:00, 20000, 60"})
    void leavesTheSameFilesAsCPython(String zone, String when, int interval, int backupCount, boolean utc,
                                     String atTime, String start, long step, int records, @TempDir Path dir)
            throws IOException, InterruptedException {
        TimedRolloverScheduleVersusCPythonTest.assumeCPython313(dir);
        runBoth(dir, zone, when, interval, backupCount, utc, atTime, start, step, records);
        Map<String, String> expected = contents(dir.resolve("python"));
        assertTrue(expected.size() > 2, "the scenario should roll over more than once: " + expected.keySet());
        assertEquals(expected, contents(dir.resolve("java")));
    }

    /**
     * Hourly files across the end of daylight saving: CPython 3.13 names the 01:00 EST backup {@code _00} again,
     * finds it taken, and from then on never rolls over (gh-88352 made it skip, not retry). Ours takes the free name
     * {@code _00.1} and goes on rolling over every hour.
     */
    @Test
    void keepsRollingOverHourlyAcrossTheEndOfDaylightSavingWhereCPythonStops(@TempDir Path dir)
            throws IOException, InterruptedException {
        TimedRolloverScheduleVersusCPythonTest.assumeCPython313(dir);
        runBoth(dir, "America/New_York", "H", 1, 0, false, "None", "2012-11-03T20:00", 1200, 36);
        Map<String, String> python = contents(dir.resolve("python"));
        Map<String, String> ours = contents(dir.resolve("java"));

        assertTrue(python.get("app.log").lines().count() > 9, "the reference shows the fault: " + python);
        for (Map.Entry<String, String> backup : python.entrySet()) {
            if (!backup.getKey().equals("app.log")) {
                assertEquals(backup.getValue(), ours.get(backup.getKey()), backup.getKey());
            }
        }
        assertTrue(ours.containsKey("app.log.2012-11-04_00.1"), ours.keySet().toString());
        assertTrue(ours.get("app.log").lines().count() <= 3, ours.toString());
        List<String> all = new ArrayList<>();
        ours.values().forEach(content -> content.lines().forEach(all::add));
        assertEquals(36, all.size());
        assertEquals(36, Set.copyOf(all).size());
    }

    private static void runBoth(Path dir, String zone, String when, int interval, int backupCount, boolean utc,
                                String atTime, String start, long step, int records)
            throws IOException, InterruptedException {
        ZoneId zoneId = ZoneId.of(zone);
        long first = LocalDateTime.parse(start).atZone(zoneId).toEpochSecond();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            events.add((first + i * step) + " record " + i);
        }
        Path eventsFile = dir.resolve("events.txt");
        Files.write(eventsFile, events);
        Path pythonDir = Files.createDirectory(dir.resolve("python"));
        Path javaDir = Files.createDirectory(dir.resolve("java"));
        Python.run(SCRIPT, dir, Map.of("TZ", zone), when, Integer.toString(interval), Integer.toString(backupCount),
                Boolean.toString(utc), atTime, eventsFile.toString(), pythonDir.toString());

        SetClock clock = new SetClock(zoneId);
        TimedRotatingFileHandler handler = new TimedRotatingFileHandler();
        handler.setClock(clock);
        handler.setFileName(javaDir.resolve("app.log").toString());
        handler.setWhen(when);
        handler.setInterval(interval);
        handler.setBackupCount(backupCount);
        handler.setUtc(utc);
        handler.setAtTime(atTime.equals("None") ? null : atTime);
        for (String event : events) {
            String[] parts = event.split(" ", 2);
            clock.millis.set(Long.parseLong(parts[0]) * 1000);
            handler.publish(new LogRecord(Level.INFO, parts[1]));
        }
        handler.close();
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
