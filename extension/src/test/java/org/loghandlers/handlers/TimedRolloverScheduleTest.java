package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TimedRolloverSchedule} against CPython 3.13: the golden DST vectors produced by CPython, and the fixtures of
 * {@code TimedRotatingFileHandlerTest} in {@code Lib/test/test_logging.py}.
 */
class TimedRolloverScheduleTest {

    private static final String VECTORS = "dst_vectors_EST5EDT_2012.txt";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern HEADER = Pattern.compile("## when=(\\S+) interval=(\\d+) atTime=(\\S+)");
    private static final Pattern VECTOR = Pattern.compile(
            "(\\S+) -> (\\S+)\\s+\\(epoch (-?\\d+) -> (-?\\d+)\\)");

    /** One line of the vector file: the schedule of its section, an input and CPython's result. */
    private record Vector(String when, int interval, LocalTime atTime, String localIn, String localOut,
                          long epochIn, long epochOut) {
        TimedRolloverSchedule schedule() {
            return new TimedRolloverSchedule(when, interval, false, atTime, NEW_YORK);
        }

        @Override
        public String toString() {
            return "when=" + when + " interval=" + interval + " atTime=" + atTime + ": " + localIn + " -> " + localOut;
        }
    }

    private static List<Vector> loadVectors() throws IOException {
        Path file = findReferenceFile(VECTORS);
        Assumptions.assumeTrue(file != null,
                "skipped: " + VECTORS + " not found in a shared/reference folder above " + Path.of("").toAbsolutePath());
        List<Vector> vectors = new ArrayList<>();
        String when = null;
        int interval = 0;
        LocalTime atTime = null;
        for (String line : Files.readAllLines(file)) {
            Matcher header = HEADER.matcher(line.trim());
            Matcher vector = VECTOR.matcher(line.trim());
            if (header.matches()) {
                when = header.group(1);
                interval = Integer.parseInt(header.group(2));
                atTime = header.group(3).equals("None") ? null : LocalTime.parse(header.group(3));
            } else if (vector.matches()) {
                vectors.add(new Vector(when, interval, atTime, vector.group(1), vector.group(2),
                        Long.parseLong(vector.group(3)), Long.parseLong(vector.group(4))));
            } else if (!line.isBlank()) {
                throw new IllegalStateException("unreadable line in " + file + ": " + line);
            }
        }
        return vectors;
    }

    private static Path findReferenceFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("reference").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> computesTheSameRolloverAsCPythonForEveryDstVector() throws IOException {
        List<Vector> vectors = loadVectors();
        assertTrue(vectors.size() >= 160, "expected the full vector file, read " + vectors.size());
        assertTrue(vectors.stream().anyMatch(v -> v.localIn().contains("fold=1")), "the fold=1 inputs are included");
        return vectors.stream().map(v -> DynamicTest.dynamicTest(v.toString(),
                () -> assertEquals(v.epochOut(), v.schedule().computeRollover(v.epochIn()),
                        () -> v + ": got " + ZonedDateTime.ofInstant(
                                java.time.Instant.ofEpochSecond(v.schedule().computeRollover(v.epochIn())),
                                NEW_YORK))));
    }

    /** Guards the substitution of America/New_York for CPython's TZ string EST+05EDT,M3.2.0,M11.1.0. */
    @TestFactory
    Stream<DynamicTest> vectorEpochsAreTheLocalTimesTheyNameInNewYork() throws IOException {
        return loadVectors().stream().map(v -> DynamicTest.dynamicTest(v.toString(), () -> assertAll(
                () -> assertEquals(v.localIn(), pythonStyle(v.epochIn())),
                () -> assertEquals(v.localOut(), pythonStyle(v.epochOut())))));
    }

    /** The vector file's notation: {@code y,m,d,h,min[,s][,fold=1]}, seconds left out when zero. */
    private static String pythonStyle(long epochSecond) {
        ZonedDateTime local = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), NEW_YORK);
        StringBuilder text = new StringBuilder().append(local.getYear()).append(',').append(local.getMonthValue())
                .append(',').append(local.getDayOfMonth()).append(',').append(local.getHour())
                .append(',').append(local.getMinute());
        if (local.getSecond() != 0) {
            text.append(',').append(local.getSecond());
        }
        if (local.withEarlierOffsetAtOverlap().toEpochSecond() != epochSecond) {
            text.append(",fold=1");
        }
        return text.toString();
    }

    @ParameterizedTest(name = "when={0} interval={1}: computeRollover(0) = {2}")
    @CsvSource({
            "S, 1, 1", "S, 3, 3",
            "M, 1, 60", "M, 3, 180",
            "H, 1, 3600", "H, 3, 10800",
            "D, 1, 86400", "D, 3, 259200",
            "MIDNIGHT, 1, 86400", "MIDNIGHT, 3, 259200",
            "W0, 1, 432000", "W0, 3, 1641600",
            "W3, 1, 86400", "W6, 1, 345600",
            "midnight, 1, 86400", "w0, 1, 432000", "s, 3, 3", "' h ', 1, 3600"})
    void computesCPythonsUtcRolloverFromTheEpoch(String when, int interval, long expected) {
        assertEquals(expected, new TimedRolloverSchedule(when, interval, true, null).computeRollover(0));
    }

    @ParameterizedTest(name = "computeRollover({0}) = {1}")
    @CsvSource({"0, 43200", "43199, 43200", "43200, 129600", "46800, 129600"})
    void rollsOverDailyAtTheConfiguredUtcTime(long now, long expected) {
        TimedRolloverSchedule noon = new TimedRolloverSchedule("MIDNIGHT", 1, true, LocalTime.NOON);
        assertEquals(expected, noon.computeRollover(now));
    }

    @ParameterizedTest(name = "computeRollover({0}) = {1}")
    @CsvSource({"0, 86400", "86399, 86400", "86400, 172800", "90000, 172800"})
    void rollsOverDailyAtTheEndOfTheUtcDayWithoutAtTime(long now, long expected) {
        assertEquals(expected, new TimedRolloverSchedule("MIDNIGHT", 1, true, null).computeRollover(now));
    }

    @Test
    void ignoresAtTimeAndClockBoundariesForSecondsMinutesHoursAndDays() {
        assertEquals(86_500, new TimedRolloverSchedule("D", 1, true, null).computeRollover(100));
        assertEquals(3_600, new TimedRolloverSchedule("H", 1, true, LocalTime.NOON).computeRollover(0));
        assertEquals(1_000_010, new TimedRolloverSchedule("S", 10, false, null).computeRollover(1_000_000));
    }

    @Test
    void rollsOverMidnightAtTimeMidnightTomorrowNotNow() {
        assertEquals(86_400, new TimedRolloverSchedule("MIDNIGHT", 1, true, LocalTime.MIDNIGHT).computeRollover(0));
    }

    /** test_compute_rollover_weekly_attime, for every weekday the UTC day of "today" can be. */
    @Test
    void rollsOverWeeklyAtTheConfiguredTimeOnTheConfiguredDay() {
        long monday = ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
        for (int offset = 0; offset < 7; offset++) {
            long today = monday + offset * 86_400L;
            int wday = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(today), ZoneOffset.UTC)
                    .getDayOfWeek().getValue() - 1;
            for (int day = 0; day < 7; day++) {
                TimedRolloverSchedule weekly = new TimedRolloverSchedule("W" + day, 1, true, LocalTime.NOON);
                long expected = today + (wday > day ? 7 - wday + day : day - wday) * 86_400L + 12 * 3600;
                String label = "today is weekday " + wday + ", rolling on W" + day;
                assertEquals(expected, weekly.computeRollover(today), label);
                assertEquals(expected, weekly.computeRollover(today + 12 * 3600 - 1), label);
                if (day == wday) {
                    expected += 7 * 86_400L;
                }
                assertEquals(expected, weekly.computeRollover(today + 12 * 3600), label);
                assertEquals(expected, weekly.computeRollover(today + 13 * 3600), label);
            }
        }
    }

    @Test
    void rollsOverWeeklyWithoutAtTimeAtTheMidnightThatEndsTheDay() {
        long sundayLastSecond = ZonedDateTime.of(2026, 11, 29, 23, 59, 59, 0, ZoneOffset.UTC).toEpochSecond();
        TimedRolloverSchedule sundays = new TimedRolloverSchedule("W6", 1, true, null);
        TimedRolloverSchedule sundaysAtMidnight = new TimedRolloverSchedule("W6", 1, true, LocalTime.MIDNIGHT);
        long mondayStart = sundayLastSecond + 1;
        assertEquals(mondayStart, sundays.computeRollover(sundayLastSecond));
        assertEquals(DayOfWeek.SUNDAY, ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(
                sundaysAtMidnight.computeRollover(sundayLastSecond)), ZoneOffset.UTC).getDayOfWeek());
        assertEquals(mondayStart + 6 * 86_400L, sundaysAtMidnight.computeRollover(sundayLastSecond));
    }

    @Test
    void multipliesTheUnitByTheInterval() {
        assertEquals(1_814_400, new TimedRolloverSchedule("W0", 3, true, null).intervalSeconds());
        assertEquals(7_200, new TimedRolloverSchedule("h", 2, false, null).intervalSeconds());
        assertEquals(86_400, new TimedRolloverSchedule("midnight", 1, false, null).intervalSeconds());
        assertEquals(5, new TimedRolloverSchedule("S", 5, false, null).intervalSeconds());
    }

    @ParameterizedTest(name = "when={0}: {2}")
    @CsvSource({
            "S, 1, 2026-11-25_14-30-05",
            "M, 60, 2026-11-25_14-30",
            "H, 3600, 2026-11-25_14",
            "D, 86400, 2026-11-25",
            "MIDNIGHT, 86400, 2026-11-25",
            "W2, 604800, 2026-11-25"})
    void namesTheBackupForTheStartOfTheIntervalItCloses(String when, long unit, String expected) {
        long start = ZonedDateTime.of(2026, 11, 25, 14, 30, 5, 0, ZoneOffset.UTC).toEpochSecond();
        TimedRolloverSchedule schedule = new TimedRolloverSchedule(when, 1, true, null);
        assertEquals(expected, schedule.suffixFor(start + unit, start + unit + 7));
        assertTrue(schedule.extMatch().matcher(expected).matches());
    }

    /** Expected names are what CPython 3.13's doRollover produced with TZ=America/New_York and time.time() stubbed. */
    @Test
    void namesTheBackupInLocalTimeShiftedByAnHourWhenDaylightSavingChangedSinceTheIntervalStarted() {
        TimedRolloverSchedule hourly = new TimedRolloverSchedule("H", 1, false, null, NEW_YORK);
        long oneAmEst = ZonedDateTime.of(2012, 3, 11, 1, 0, 0, 0, NEW_YORK).toEpochSecond();
        assertEquals("2012-03-11_03", hourly.suffixFor(oneAmEst + 3600, oneAmEst + 3600));
        assertEquals("2012-03-11_01", hourly.suffixFor(oneAmEst + 3600, oneAmEst + 3599));
        long halfPastOneEdt = ZonedDateTime.of(2012, 11, 4, 1, 30, 0, 0, NEW_YORK)
                .withEarlierOffsetAtOverlap().toEpochSecond();
        assertEquals("2012-11-04_00", hourly.suffixFor(halfPastOneEdt + 3600, halfPastOneEdt + 7200));

        TimedRolloverSchedule daily = new TimedRolloverSchedule("MIDNIGHT", 1, false, null, NEW_YORK);
        long nov4 = ZonedDateTime.of(2012, 11, 4, 0, 0, 0, 0, NEW_YORK).toEpochSecond();
        long nov5 = daily.computeRollover(nov4);
        assertEquals(ZonedDateTime.of(2012, 11, 5, 0, 0, 0, 0, NEW_YORK).toEpochSecond(), nov5);
        assertEquals("2012-11-04", daily.suffixFor(nov5, nov5 + 5));
    }

    @Test
    void extMatchFindsOnlyWholeDateSuffixes() {
        Pattern seconds = new TimedRolloverSchedule("S", 1, true, null).extMatch();
        assertTrue(seconds.matcher("2026-11-25_14-30-05").matches());
        assertFalse(seconds.matcher("2026-11-25_14-30").matches());
        assertFalse(seconds.matcher("12026-11-25_14-30-05").find());
        assertFalse(seconds.matcher("2026-11-25_14-30-051").find());
        Pattern days = new TimedRolloverSchedule("D", 1, true, null).extMatch();
        assertTrue(days.matcher("app.log.2026-11-25.gz").find());
        assertFalse(days.matcher("2026-11-25_14").matches());
        assertFalse(days.matcher("٢٠٢٦-11-25").find(), "only ASCII digits, as with re.ASCII");
    }

    // test_compute_files_to_delete (bpo-46063)

    private static List<String> tenTimestamps() {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("uuuu-MM-dd_HH-mm-ss");
        LocalDateTime t = LocalDateTime.of(2026, 11, 25, 23, 59, 38);
        List<String> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            times.add(format.format(t));
            t = t.plusSeconds(5);
        }
        return times;
    }

    private static void touch(Path dir, String name) throws IOException {
        Files.createFile(dir.resolve(name));
    }

    private static UnaryOperator<String> namerDroppingDotLogThenAppendingIt() {
        return filename -> {
            Path p = Path.of(filename);
            String basename = p.getFileName().toString().replace(".log", "") + ".log";
            return p.resolveSibling(basename).toString();
        };
    }

    private static UnaryOperator<String> namerForG() {
        return filename -> {
            Path p = Path.of(filename);
            String basename = "g" + p.getFileName().toString().substring(6) + ".oldlog";
            return p.resolveSibling(basename).toString();
        };
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }

    @Test
    void offersEachHandlerOnlyItsOwnOldestBackupsAmongSimilarNames(@TempDir Path dir) throws IOException {
        List<String> times = tenTimestamps();
        for (String t : times) {
            touch(dir, "a.b.log." + t);
            touch(dir, "a.b.c.log." + t);
            touch(dir, "d.e." + t + ".log");
            touch(dir, "d.e.f." + t + ".log");
            touch(dir, "g" + t + ".oldlog");
        }
        TimedRolloverSchedule everyFiveSeconds = new TimedRolloverSchedule("s", 5, false, null);
        List<String> oldest = times.subList(0, 3);

        assertEquals(oldest.stream().map(t -> "a.b.log." + t).collect(Collectors.toList()),
                names(everyFiveSeconds.filesToDelete(dir.resolve("a.b.log"), 7, null)));
        assertEquals(oldest.stream().map(t -> "a.b.c.log." + t).collect(Collectors.toList()),
                names(everyFiveSeconds.filesToDelete(dir.resolve("a.b.c.log"), 7, null)));
        assertEquals(oldest.stream().map(t -> "d.e." + t + ".log").collect(Collectors.toList()),
                names(everyFiveSeconds.filesToDelete(dir.resolve("d.e.log"), 7,
                        namerDroppingDotLogThenAppendingIt())));
        assertEquals(oldest.stream().map(t -> "d.e.f." + t + ".log").collect(Collectors.toList()),
                names(everyFiveSeconds.filesToDelete(dir.resolve("d.e.f.log"), 7,
                        namerDroppingDotLogThenAppendingIt())));
        assertEquals(oldest.stream().map(t -> "g" + t + ".oldlog").collect(Collectors.toList()),
                names(everyFiveSeconds.filesToDelete(dir.resolve("g.log"), 7, namerForG())));
    }

    /** test_compute_files_to_delete_same_filename_different_extensions (gh-93205). */
    @Test
    void doesNotTakeBackupsOfALongerBaseNameOrWithAnExtraExtension(@TempDir Path dir) throws IOException {
        List<String> times = tenTimestamps();
        for (String t : times) {
            touch(dir, "a.log." + t);
            touch(dir, "a.log.b." + t);
            touch(dir, "a.log." + t + ".c");
        }
        TimedRolloverSchedule everyFiveSeconds = new TimedRolloverSchedule("s", 5, false, null);

        List<Path> forA = everyFiveSeconds.filesToDelete(dir.resolve("a.log"), 1, null);
        assertEquals(times.subList(0, 9).stream().map(t -> "a.log." + t).collect(Collectors.toList()), names(forA));
        List<Path> forB = everyFiveSeconds.filesToDelete(dir.resolve("a.log.b"), 2, null);
        assertEquals(times.subList(0, 8).stream().map(t -> "a.log.b." + t).collect(Collectors.toList()), names(forB));
        assertTrue(forA.stream().allMatch(p -> p.getParent().equals(dir.toAbsolutePath())), "full paths");
    }

    @Test
    void offersNothingWhileFewerBackupsThanBackupCountExist(@TempDir Path dir) throws IOException {
        List<String> times = tenTimestamps();
        for (String t : times.subList(0, 3)) {
            touch(dir, "app.log." + t);
        }
        TimedRolloverSchedule seconds = new TimedRolloverSchedule("S", 1, false, null);
        assertEquals(List.of(), seconds.filesToDelete(dir.resolve("app.log"), 4, null));
        assertEquals(List.of(), seconds.filesToDelete(dir.resolve("app.log"), 3, null));
        assertEquals(List.of("app.log." + times.get(0)), names(seconds.filesToDelete(dir.resolve("app.log"), 2, null)));
    }

    @Test
    void findsCompressedBackupsThroughTheNamer(@TempDir Path dir) throws IOException {
        touch(dir, "app.log.2026-11-20");
        touch(dir, "app.log.2026-11-21.gz");
        touch(dir, "app.log.2026-11-22.gz");
        touch(dir, "app.log.2026-11-23.gz");
        touch(dir, "other.log.2026-11-19.gz");
        TimedRolloverSchedule daily = new TimedRolloverSchedule("MIDNIGHT", 1, false, null);
        UnaryOperator<String> gzip = name -> name + ".gz";
        assertEquals(List.of("app.log.2026-11-21.gz"),
                names(daily.filesToDelete(dir.resolve("app.log"), 2, gzip)));
        assertEquals(List.of(), daily.filesToDelete(dir.resolve("app.log"), 1, null),
                "without the namer only the uncompressed backup counts");
    }

    // Validation

    @ParameterizedTest
    @ValueSource(strings = {"X", "", "MINUTE", "hourly", "MIDNIGHTS"})
    void rejectsAnUnknownWhenNamingTheOptionAndWhatIsAccepted(String when) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimedRolloverSchedule(when, 1, false, null));
        assertTrue(e.getMessage().startsWith("when: '" + when + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("MIDNIGHT") && e.getMessage().contains("W0-W6"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"W", "W7", "w7", "W10", "WX", "W-1", "week"})
    void rejectsAWeeklyWhenWithoutADayFromZeroToSix(String when) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimedRolloverSchedule(when, 1, false, null));
        assertTrue(e.getMessage().startsWith("when: '" + when + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("W0 to W6"), e.getMessage());
    }

    @Test
    void rejectsANullWhen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimedRolloverSchedule(null, 1, false, null));
        assertTrue(e.getMessage().startsWith("when: null"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsAnIntervalBelowOne(int interval) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimedRolloverSchedule("H", interval, false, null));
        assertTrue(e.getMessage().startsWith("interval: " + interval + " "), e.getMessage());
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }

    @Test
    void rejectsAnAtTimeWithAFractionOfASecond() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TimedRolloverSchedule("MIDNIGHT", 1, false, LocalTime.of(12, 0, 0, 500_000_000)));
        assertTrue(e.getMessage().startsWith("atTime: 12:00:00.500"), e.getMessage());
    }

    @Test
    void parsesAtTimeWithOrWithoutSeconds() {
        assertEquals(LocalTime.of(2, 30), TimedRolloverSchedule.parseAtTime("02:30"));
        assertEquals(LocalTime.of(23, 59, 59), TimedRolloverSchedule.parseAtTime("23:59:59"));
        assertEquals(LocalTime.MIDNIGHT, TimedRolloverSchedule.parseAtTime(" 00:00 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"24:00", "2:30", "12", "12:60", "noon", "12:00:00.5", "12:00 PM", ""})
    void rejectsAnAtTimeThatIsNotHoursMinutesAndOptionalSeconds(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimedRolloverSchedule.parseAtTime(text));
        assertTrue(e.getMessage().startsWith("atTime: '" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("HH:mm or HH:mm:ss"), e.getMessage());
    }
}
