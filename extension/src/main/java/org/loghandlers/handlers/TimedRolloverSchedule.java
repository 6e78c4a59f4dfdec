package org.loghandlers.handlers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The time arithmetic of Python's {@code TimedRotatingFileHandler} (CPython 3.13), with no file I/O except listing a
 * directory for retention: when the next rollover is due, which date suffix a backup gets, which backups are old
 * enough to delete.
 *
 * <p>{@link #computeRollover(long)}, {@link #suffixFor(long, long)} and {@link #filesToDelete(Path, int, UnaryOperator)}
 * follow {@code computeRollover}, {@code doRollover} and {@code getFilesToDelete} step by step, including their
 * daylight-saving corrections, so that they give the same epoch seconds and names as CPython 3.13. Instances are
 * immutable.
 */
public final class TimedRolloverSchedule {

    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;

    private static final String ACCEPTED_WHEN =
            "S, M, H, D, MIDNIGHT or W0-W6 (W0 is Monday), in any letter case";

    private static final DateTimeFormatter AT_TIME_WITH_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter AT_TIME_WITHOUT_SECONDS = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final String when;
    private final int interval;
    private final boolean utc;
    private final LocalTime atTime;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final long intervalSeconds;
    private final int dayOfWeek;
    private final String suffixPattern;
    private final DateTimeFormatter suffixFormatter;
    private final Pattern extMatch;

    /**
     * A schedule whose local time is the JVM's default time zone.
     *
     * @see #TimedRolloverSchedule(String, int, boolean, LocalTime, ZoneId)
     */
    public TimedRolloverSchedule(String when, int interval, boolean utc, LocalTime atTime) {
        this(when, interval, utc, atTime, ZoneId.systemDefault());
    }

    /**
     * @param when     the unit of the interval: {@code S}, {@code M}, {@code H}, {@code D}, {@code MIDNIGHT} or
     *                 {@code W0}..{@code W6} (weekly on that day, 0 is Monday), in any letter case, surrounding
     *                 blanks ignored
     * @param interval how many units between rollovers, at least 1
     * @param utc      whether dates are computed and named in UTC instead of {@code zone}
     * @param atTime   time of day of a {@code MIDNIGHT} or weekly rollover, whole seconds; {@code null} means
     *                 midnight at the end of the day; ignored for the other units, as in Python
     * @param zone     the local time zone, used when {@code utc} is false
     * @throws IllegalArgumentException naming the option when {@code when}, {@code interval} or {@code atTime} is
     *                                  not accepted
     */
    public TimedRolloverSchedule(String when, int interval, boolean utc, LocalTime atTime, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (when == null) {
            throw new IllegalArgumentException("when: null is not accepted; accepted: " + ACCEPTED_WHEN);
        }
        if (interval < 1) {
            throw new IllegalArgumentException(
                    "interval: " + interval + " is not accepted; accepted: a whole number of units, at least 1");
        }
        if (atTime != null && atTime.getNano() != 0) {
            throw new IllegalArgumentException("atTime: " + atTime
                    + " has a fraction of a second; accepted: a time of day in whole seconds (HH:mm or HH:mm:ss)");
        }
        this.when = when.trim().toUpperCase(Locale.ROOT);
        this.interval = interval;
        this.utc = utc;
        this.atTime = atTime;
        this.zone = zone;
        this.rules = zone.getRules();

        long unitSeconds;
        String extension;
        int weekday = -1;
        switch (this.when) {
            case "S":
                unitSeconds = 1;
                suffixPattern = "%Y-%m-%d_%H-%M-%S";
                extension = "\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}";
                break;
            case "M":
                unitSeconds = 60;
                suffixPattern = "%Y-%m-%d_%H-%M";
                extension = "\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}";
                break;
            case "H":
                unitSeconds = 3600;
                suffixPattern = "%Y-%m-%d_%H";
                extension = "\\d{4}-\\d{2}-\\d{2}_\\d{2}";
                break;
            case "D":
            case "MIDNIGHT":
                unitSeconds = DAY;
                suffixPattern = "%Y-%m-%d";
                extension = "\\d{4}-\\d{2}-\\d{2}";
                break;
            default:
                if (!this.when.startsWith("W")) {
                    throw new IllegalArgumentException(
                            "when: '" + when + "' is not a rollover unit; accepted: " + ACCEPTED_WHEN);
                }
                if (this.when.length() != 2) {
                    throw new IllegalArgumentException("when: '" + when
                            + "' does not name one day for weekly rollover; accepted: W0 to W6 (W0 is Monday)");
                }
                char day = this.when.charAt(1);
                if (day < '0' || day > '6') {
                    throw new IllegalArgumentException("when: '" + when
                            + "' names no day of the week; accepted: W0 to W6 (W0 is Monday)");
                }
                weekday = day - '0';
                unitSeconds = WEEK;
                suffixPattern = "%Y-%m-%d";
                extension = "\\d{4}-\\d{2}-\\d{2}";
                break;
        }
        this.dayOfWeek = weekday;
        this.intervalSeconds = unitSeconds * interval;
        this.suffixFormatter = DateTimeFormatter.ofPattern(toJavaPattern(suffixPattern), Locale.ROOT);
        // Java's \d is ASCII-only by default, like Python's re.ASCII.
        this.extMatch = Pattern.compile("(?<!\\d)" + extension + "(?!\\d)");
    }

    /**
     * Parses an {@code atTime} option written as {@code HH:mm} or {@code HH:mm:ss} (24-hour clock).
     *
     * @throws IllegalArgumentException naming {@code atTime} when the text is neither
     */
    public static LocalTime parseAtTime(String text) {
        if (text == null) {
            throw new IllegalArgumentException("atTime: null is not accepted; accepted: HH:mm or HH:mm:ss");
        }
        String trimmed = text.trim();
        DateTimeFormatter format = trimmed.length() == 5 ? AT_TIME_WITHOUT_SECONDS : AT_TIME_WITH_SECONDS;
        try {
            return LocalTime.parse(trimmed, format);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "atTime: '" + text + "' is not a time of day; accepted: HH:mm or HH:mm:ss (24-hour clock)", e);
        }
    }

    /**
     * The epoch second of the first rollover after {@code currentTime}: CPython 3.13's {@code computeRollover}.
     * {@code S}, {@code M}, {@code H} and {@code D} add the interval; {@code MIDNIGHT} and weekly schedules align to
     * {@code atTime} (or midnight) in local time or UTC and correct by an hour across a daylight-saving change.
     */
    public long computeRollover(long currentTime) {
        long result = currentTime + intervalSeconds;
        if (!when.equals("MIDNIGHT") && !when.startsWith("W")) {
            return result;
        }
        ZonedDateTime t = fieldsAt(currentTime);
        long rotateTs = atTime == null
                ? DAY
                : (atTime.getHour() * 60L + atTime.getMinute()) * 60L + atTime.getSecond();
        long r = rotateTs - ((t.getHour() * 60L + t.getMinute()) * 60L + t.getSecond());
        int currentDay = pythonWeekday(t.getDayOfWeek());
        if (r <= 0) {
            r += DAY;
            currentDay = (currentDay + 1) % 7;
        }
        result = currentTime + r;
        if (when.startsWith("W")) {
            if (currentDay != dayOfWeek) {
                long daysToWait = currentDay < dayOfWeek
                        ? dayOfWeek - currentDay
                        : 6 - currentDay + dayOfWeek + 1;
                result += daysToWait * DAY;
            }
            result += intervalSeconds - WEEK;
        } else {
            result += intervalSeconds - DAY;
        }
        if (!utc) {
            boolean dstNow = isDst(currentTime);
            boolean dstAtRollover = isDst(result);
            if (dstNow != dstAtRollover) {
                long addend;
                if (!dstNow) {
                    addend = -3600;
                    if (!isDst(result - 3600)) {
                        addend = 0;
                    }
                } else {
                    addend = 3600;
                }
                result += addend;
            }
        }
        return result;
    }

    /**
     * The date suffix of the backup made by the rollover due at {@code rolloverAt} and performed at {@code now}
     * (both epoch seconds), as in CPython 3.13's {@code doRollover}: the backup is named for the start of the
     * interval it closes, {@code rolloverAt - intervalSeconds()}, shifted by an hour when daylight saving differs
     * between then and now. The handler appends it to the base file name after a dot.
     */
    public String suffixFor(long rolloverAt, long now) {
        long t = rolloverAt - intervalSeconds;
        ZonedDateTime timeTuple = fieldsAt(t);
        if (!utc) {
            boolean dstNow = isDst(now);
            boolean dstThen = isDst(t);
            if (dstNow != dstThen) {
                timeTuple = fieldsAt(t + (dstNow ? 3600 : -3600));
            }
        }
        return suffixFormatter.format(timeTuple);
    }

    /**
     * The backups of {@code baseFile} to delete so that {@code backupCount} remain: CPython 3.13's
     * {@code getFilesToDelete}. Without a namer, a backup is a file in the same directory named
     * {@code <base name>.<suffix>}; with a namer, a file whose name contains a date suffix {@code s} such that the
     * namer maps {@code "<base file>.<s>"} to a path with that same file name. The result is the oldest ones (full
     * paths in lexicographic order), or empty when fewer than {@code backupCount} backups exist. Python only calls
     * it with {@code backupCount > 0}; with 0 every backup is returned.
     *
     * @param namerOrNull maps a default backup path (as a string) to the name actually used, or {@code null}
     * @throws IOException when the directory cannot be listed
     */
    public List<Path> filesToDelete(Path baseFile, int backupCount, UnaryOperator<String> namerOrNull)
            throws IOException {
        Path absolute = baseFile.toAbsolutePath();
        Path dir = absolute.getParent();
        String baseName = absolute.getFileName().toString();
        String baseFilename = absolute.toString();
        List<String> fileNames = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> fileNames.add(p.getFileName().toString()));
        }
        List<String> result = new ArrayList<>();
        if (namerOrNull == null) {
            String prefix = baseName + ".";
            for (String fileName : fileNames) {
                if (fileName.startsWith(prefix)
                        && extMatch.matcher(fileName.substring(prefix.length())).matches()) {
                    result.add(dir.resolve(fileName).toString());
                }
            }
        } else {
            for (String fileName : fileNames) {
                Matcher m = extMatch.matcher(fileName);
                boolean found = m.find();
                while (found) {
                    String dfn = namerOrNull.apply(baseFilename + "." + m.group());
                    if (fileName.equals(basename(dfn))) {
                        result.add(dir.resolve(fileName).toString());
                        break;
                    }
                    int next = m.start() + 1;
                    found = next <= fileName.length() && m.find(next);
                }
            }
        }
        if (result.size() < backupCount) {
            return List.of();
        }
        result.sort(TimedRolloverSchedule::compareCodePoints);
        List<Path> oldest = new ArrayList<>();
        for (String name : result.subList(0, result.size() - backupCount)) {
            oldest.add(Path.of(name));
        }
        return oldest;
    }

    /** Seconds between two rollovers: the unit of {@code when} times {@code interval}. */
    public long intervalSeconds() {
        return intervalSeconds;
    }

    /**
     * Matches a date suffix as this schedule writes it, not preceded or followed by a digit (Python's
     * {@code extMatch} since 3.13).
     */
    public Pattern extMatch() {
        return extMatch;
    }

    /** The {@code when} option, upper-cased. */
    public String when() {
        return when;
    }

    /** The {@code interval} option: units per rollover. */
    public int interval() {
        return interval;
    }

    /** Whether dates are computed and named in UTC. */
    public boolean utc() {
        return utc;
    }

    /** The {@code atTime} option, or {@code null}. */
    public LocalTime atTime() {
        return atTime;
    }

    /** The time zone used when {@link #utc()} is false. */
    public ZoneId zone() {
        return zone;
    }

    /** The backup suffix as Python's {@code strftime} pattern, e.g. {@code %Y-%m-%d_%H}. */
    public String suffixPattern() {
        return suffixPattern;
    }

    @Override
    public String toString() {
        return "TimedRolloverSchedule[when=" + when + ", interval=" + interval + ", utc=" + utc
                + ", atTime=" + atTime + ", zone=" + zone + "]";
    }

    /** Python's {@code gmtime} or {@code localtime} of an epoch second. */
    private ZonedDateTime fieldsAt(long epochSecond) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), utc ? ZoneOffset.UTC : zone);
    }

    /** Python's {@code localtime(t).tm_isdst}. */
    private boolean isDst(long epochSecond) {
        return rules.isDaylightSavings(Instant.ofEpochSecond(epochSecond));
    }

    private static int pythonWeekday(DayOfWeek day) {
        return day.getValue() - 1;
    }

    private static String basename(String path) {
        int slash = path.lastIndexOf('/');
        if (File.separatorChar != '/') {
            slash = Math.max(slash, path.lastIndexOf(File.separatorChar));
        }
        return path.substring(slash + 1);
    }

    /** Python sorts str by code point; String.compareTo compares UTF-16 units. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static String toJavaPattern(String strftime) {
        return strftime.replace("%Y", "uuuu").replace("%m", "MM").replace("%d", "dd")
                .replace("%H", "HH").replace("%M", "mm").replace("%S", "ss");
    }
}
