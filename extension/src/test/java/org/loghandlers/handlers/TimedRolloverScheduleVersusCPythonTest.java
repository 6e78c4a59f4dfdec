package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;


import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.Python;

/**
 * Runs CPython 3.13's own {@code TimedRotatingFileHandler} over many schedules, zones and instants around
 * daylight-saving transitions, and compares its {@code computeRollover} and backup names with
 * {@link TimedRolloverSchedule}. Skipped when no CPython 3.13 or later is installed.
 */
class TimedRolloverScheduleVersusCPythonTest {

    /**
     * Zones whose daylight-saving flag Java and glibc agree on. Europe/Dublin is left out: glibc reads its winter
     * time as a negative daylight saving (isdst=1), Java's tz data as standard time.
     */
    private static final List<String> ZONES = List.of(
            "America/New_York", "Europe/London", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe",
            "America/Sao_Paulo", "America/Santiago", "Asia/Kolkata", "Pacific/Apia", "UTC");
    private static final List<String> WHENS = List.of("MIDNIGHT", "W0", "W3", "W6", "H", "D", "M");
    private static final List<String> AT_TIMES = List.of("None", "00:00:00", "00:30:00", "01:30:00", "02:00:00",
            "02:30:00", "12:00:00", "23:59:59");
    private static final int[] INTERVALS = {1, 3};
    private static final long[] OFFSETS_FROM_TRANSITION = {
            -7 * 86_400, -86_400, -7_200, -3_601, -3_600, -1_800, -1, 0, 1, 1_799, 1_800, 3_599, 3_600, 5_400,
            7_200, 86_399, 86_400};

    private static final String SCRIPT = String.join("\n",
            "import datetime, logging.handlers, os, sys, tempfile, time",
            "d = tempfile.mkdtemp()",
            "exists = d",
            "handlers = {}",
            "names = []",
            "def handler(zone, when, interval, at, utc):",
            "    key = (zone, when, interval, at, utc)",
            "    h = handlers.get(key)",
            "    if h is None:",
            "        at_time = None if at == 'None' else datetime.time.fromisoformat(at)",
            "        h = logging.handlers.TimedRotatingFileHandler(os.path.join(d, 'x.log'), when=when,",
            "            interval=interval, utc=utc, atTime=at_time, delay=True)",
            "        h.namer = lambda n: (names.append(n), exists)[1]",
            "        handlers[key] = h",
            "    return h",
            "zone_now = None",
            "real_time = time.time",
            "out = []",
            "for line in open(sys.argv[1]):",
            "    zone, when, interval, at, utc, t, now = line.split()",
            "    if zone != zone_now:",
            "        os.environ['TZ'] = zone; time.tzset(); zone_now = zone",
            "    h = handler(zone, when, int(interval), at, utc == 'true')",
            "    t = int(t); now = int(now)",
            "    result = h.computeRollover(t)",
            "    h.rolloverAt = t",
            "    time.time = lambda: now",
            "    try:",
            "        h.doRollover()",
            "    finally:",
            "        time.time = real_time",
            "    suffix = names.pop()[len(h.baseFilename) + 1:]",
            "    out.append('%d %s' % (result, suffix))",
            "with open(sys.argv[2], 'w') as f: f.write('\\n'.join(out) + '\\n')");

    /** One computeRollover input and one doRollover input for the same schedule. */
    private record Case(String zone, String when, int interval, String atTime, boolean utc, long t, long now) {
        String line() {
            return zone + " " + when + " " + interval + " " + atTime + " " + utc + " " + t + " " + now;
        }

        TimedRolloverSchedule schedule() {
            return new TimedRolloverSchedule(when, interval, utc,
                    atTime.equals("None") ? null : LocalTime.parse(atTime), ZoneId.of(zone));
        }
    }

    @Test
    void agreesWithCPythonAroundEveryDaylightSavingTransitionFrom2011To2025(@TempDir Path dir)
            throws IOException, InterruptedException {
        assumeCPython313(dir);

        List<Case> cases = cases();
        Path input = dir.resolve("cases.txt");
        List<String> lines = new ArrayList<>();
        for (Case c : cases) {
            lines.add(c.line());
        }
        Files.write(input, lines);
        Path output = dir.resolve("out.txt");
        Python.run(SCRIPT, dir, Map.of(), input.toString(), output.toString());
        List<String> expected = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(cases.size(), expected.size());

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            TimedRolloverSchedule schedule = c.schedule();
            String actual = schedule.computeRollover(c.t()) + " " + schedule.suffixFor(c.t(), c.now());
            if (!actual.equals(expected.get(i))) {
                mismatches.add(c.line() + ": CPython " + expected.get(i) + ", ours " + actual);
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases.size() + " differ, e.g.\n"
                + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
    }

    private static List<Case> cases() {
        Random random = new Random(20121104);
        long from = ZonedDateTime.parse("2011-01-01T00:00:00Z").toEpochSecond();
        long to = ZonedDateTime.parse("2025-12-31T00:00:00Z").toEpochSecond();
        List<Case> cases = new ArrayList<>();
        for (String zone : ZONES) {
            List<Long> instants = new ArrayList<>();
            ZoneRules rules = ZoneId.of(zone).getRules();
            ZoneOffsetTransition transition = rules.nextTransition(Instant.ofEpochSecond(from));
            while (transition != null && transition.toEpochSecond() < to) {
                for (long offset : OFFSETS_FROM_TRANSITION) {
                    instants.add(transition.toEpochSecond() + offset);
                }
                transition = rules.nextTransition(transition.getInstant());
            }
            for (int i = 0; i < 40; i++) {
                instants.add(from + (long) (random.nextDouble() * (to - from)));
            }
            for (long t : instants) {
                String when = WHENS.get(random.nextInt(WHENS.size()));
                String atTime = AT_TIMES.get(random.nextInt(AT_TIMES.size()));
                int interval = INTERVALS[random.nextInt(INTERVALS.length)];
                boolean utc = random.nextInt(8) == 0;
                long now = t + OFFSETS_FROM_TRANSITION[random.nextInt(OFFSETS_FROM_TRANSITION.length)];
                cases.add(new Case(zone, when, interval, atTime, utc, t, now));
                cases.add(new Case(zone, "MIDNIGHT", 1, atTime, false, t, t + 86_400));
            }
        }
        return cases;
    }

    /** Skips the test unless the reference interpreter is CPython 3.13 or later: 3.11 and 3.12 compute otherwise. */
    static void assumeCPython313(Path workDir) throws IOException, InterruptedException {
        String version = Python.run("import sys; print('%d.%d' % sys.version_info[:2])", workDir, Map.of()).trim();
        String[] parts = version.split("\\.");
        Assumptions.assumeTrue(Integer.parseInt(parts[0]) > 3 || Integer.parseInt(parts[1]) >= 13,
                "skipped: the reference must be CPython 3.13 or later, found " + version);
    }
}
