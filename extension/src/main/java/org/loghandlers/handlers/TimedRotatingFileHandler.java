package org.loghandlers.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.ErrorManager;
import java.util.logging.LogRecord;

import org.loghandlers.options.LogManagerProperties;

/**
 * Rolls the file over at timed intervals: Python's {@code logging.handlers.TimedRotatingFileHandler} (CPython 3.13).
 * The active file is renamed to {@code <fileName>.<date suffix>}, the suffix naming the start of the interval it
 * covers ({@code app.log.2026-11-24} for a daily file), and a new one is started.
 *
 * <p>When rollovers happen, the backup names and the daylight-saving corrections are CPython 3.13's (see
 * {@link TimedRolloverSchedule}); the first rollover is computed from the modification time of an existing file, so
 * a restart after a quiet period rolls the old file over at the first record. Rollover is checked only when a record
 * arrives. Two faults of CPython are not copied: an existing backup is never overwritten nor is the rollover skipped
 * (the new backup gets the next free name {@code <name>.1}, {@code <name>.2}, ..., before the namer's extension), and
 * the next rollover time always moves forward, so no clock change can cause a rollover per record. Retention
 * ({@code backupCount}) counts these numbered backups and compressed ({@code .gz}) ones.
 */
public class TimedRotatingFileHandler extends BaseRotatingHandler {

    private static final DateTimeFormatter AT_TIME_TEXT = DateTimeFormatter.ofPattern("HH:mm:ss");

    private volatile String when = "H";
    private volatile int interval = 1;
    private volatile boolean utc;
    private volatile LocalTime atTime;
    private volatile int backupCount;
    private volatile Clock clock = Clock.systemDefaultZone();

    /** Guarded by {@link #lock}; null until the first record, and again after an option changes. */
    private TimedRolloverSchedule schedule;
    private long rolloverAt;

    /** A handler to be configured through its setters (see {@link FileHandler#FileHandler()}). */
    public TimedRotatingFileHandler() {
        LogManagerProperties.configure(this);
    }

    /** Appends to {@code fileName}, rolling over every {@code interval} {@code when}, keeping {@code backupCount}. */
    public TimedRotatingFileHandler(String fileName, String when, int interval, int backupCount) {
        this(fileName, when, interval, backupCount, false, false, null);
    }

    /**
     * Python's full signature (without {@code encoding} and {@code errors}: see {@link #setEncoding});
     * {@code atTime} is in whole seconds, or {@code null}.
     */
    public TimedRotatingFileHandler(String fileName, String when, int interval, int backupCount, boolean delay,
                                    boolean utc, LocalTime atTime) {
        setFileName(fileName);
        setWhen(when);
        setInterval(interval);
        setBackupCount(backupCount);
        setDelay(delay);
        setUtc(utc);
        useAtTime(atTime);
        lock.lock();
        try {
            currentSchedule();
            if (!delay) {
                ensureOpen();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The file to write; see {@link FileHandler#setFileName}. The next rollover is timed again from this file. */
    @Override
    public void setFileName(String fileName) {
        super.setFileName(fileName);
        scheduleChanged();
    }

    /**
     * The unit of the interval (default {@code H}): {@code S} seconds, {@code M} minutes, {@code H} hours,
     * {@code D} days, {@code MIDNIGHT} at midnight (or {@code atTime}) every {@code interval} days, {@code W0} to
     * {@code W6} weekly on that day (0 is Monday); any letter case.
     */
    public void setWhen(String when) {
        this.when = new TimedRolloverSchedule(when, 1, true, null).when();
        scheduleChanged();
    }

    public String getWhen() {
        return when;
    }

    /** How many units of {@code when} between rollovers (default 1). */
    public void setInterval(int interval) {
        new TimedRolloverSchedule("S", interval, true, null);
        this.interval = interval;
        scheduleChanged();
    }

    public int getInterval() {
        return interval;
    }

    /** Whether times and backup names are in UTC rather than local time (default {@code false}). */
    public void setUtc(boolean utc) {
        this.utc = utc;
        scheduleChanged();
    }

    public boolean isUtc() {
        return utc;
    }

    /**
     * The time of day, {@code HH:mm} or {@code HH:mm:ss}, of a {@code MIDNIGHT} or weekly rollover; empty or
     * {@code null} (the default) means midnight at the end of the day. Ignored for the other units, as in Python.
     */
    public void setAtTime(String atTime) {
        useAtTime(atTime == null || atTime.isBlank() ? null : TimedRolloverSchedule.parseAtTime(atTime));
    }

    /** Not an overload of {@code setAtTime}: configuration tools look setters up by name. */
    private void useAtTime(LocalTime atTime) {
        if (atTime != null) {
            new TimedRolloverSchedule("MIDNIGHT", 1, true, atTime);
        }
        this.atTime = atTime;
        scheduleChanged();
    }

    /** The time of day of a {@code MIDNIGHT} or weekly rollover as {@code HH:mm:ss}, or {@code null}. */
    public String getAtTime() {
        LocalTime current = atTime;
        return current == null ? null : AT_TIME_TEXT.format(current);
    }

    /** How many backups to keep; the oldest beyond it are deleted at rollover. Default 0: all are kept. */
    public void setBackupCount(int backupCount) {
        if (backupCount < 0) {
            throw new IllegalArgumentException("backupCount: " + backupCount
                    + " is negative; expected 0 (keep every backup) or more");
        }
        this.backupCount = backupCount;
    }

    public int getBackupCount() {
        return backupCount;
    }

    /** The clock rollovers follow, with the zone used for local time; for tests. */
    void setClock(Clock clock) {
        this.clock = clock;
        scheduleChanged();
    }

    /** The epoch second of the next rollover, computing it first if needed. */
    long rolloverAt() {
        lock.lock();
        try {
            currentSchedule();
            return rolloverAt;
        } finally {
            lock.unlock();
        }
    }

    private void scheduleChanged() {
        lock.lock();
        try {
            schedule = null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The schedule for the current options; when it is (re)built, the next rollover is computed from the file's
     * modification time if it exists, else from now, as Python does at construction. Called under {@link #lock}.
     */
    private TimedRolloverSchedule currentSchedule() {
        if (schedule == null) {
            Clock current = clock;
            TimedRolloverSchedule fresh = new TimedRolloverSchedule(when, interval, utc, atTime, current.getZone());
            long start = now(current);
            Path path = path();
            if (path != null) {
                try {
                    if (Files.exists(path)) {
                        start = Files.getLastModifiedTime(path).to(TimeUnit.SECONDS);
                    }
                } catch (IOException e) {
                    getErrorManager().error(describe() + ": cannot read the modification time of " + path
                            + ", timing the first rollover from now: " + e.getMessage(), e,
                            ErrorManager.GENERIC_FAILURE);
                }
            }
            rolloverAt = fresh.computeRollover(start);
            schedule = fresh;
        }
        return schedule;
    }

    private static long now(Clock clock) {
        return Math.floorDiv(clock.millis(), 1000L);
    }

    /** Times the first rollover before the file is opened, so that a file created now is not mistaken for old. */
    @Override
    protected void emit(LogRecord record, byte[] encoded, int length) throws IOException {
        currentSchedule();
        super.emit(record, encoded, length);
    }

    @Override
    protected boolean shouldRollover(LogRecord record, int encodedLength) {
        TimedRolloverSchedule current = currentSchedule();
        long now = now(clock);
        if (now < rolloverAt) {
            return false;
        }
        LogFile file = file();
        if (file != null && !file.isRegular()) {
            advance(current, now);
            return false;
        }
        return true;
    }

    @Override
    protected void doRollover() throws IOException {
        TimedRolloverSchedule current = currentSchedule();
        long now = now(clock);
        String base = getFileName();
        Path backup = TimedBackups.freeName(base, current.suffixFor(rolloverAt, now), this::rotationFilename);
        closeFile();
        rotate(path(), backup);
        advance(current, now);
        if (backupCount > 0) {
            deleteOldBackups(current);
        }
        if (!isDelay()) {
            ensureOpen();
        }
    }

    /** Sets the next rollover after {@code now}, strictly later whatever the clock and the zone did. */
    private void advance(TimedRolloverSchedule current, long now) {
        rolloverAt = Math.max(current.computeRollover(now), now + 1);
    }

    private void deleteOldBackups(TimedRolloverSchedule current) {
        List<Path> oldest;
        try {
            oldest = new TimedBackups(current.extMatch()).toDelete(path(), backupCount, backupNamings());
        } catch (IOException | RuntimeException e) {
            getErrorManager().error(describe() + ": cannot list old backups to delete: " + e.getMessage(), e,
                    ErrorManager.GENERIC_FAILURE);
            return;
        }
        for (Path old : oldest) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException | RuntimeException e) {
                getErrorManager().error(describe() + ": cannot delete old backup " + old + ": " + e.getMessage(), e,
                        ErrorManager.GENERIC_FAILURE);
            }
        }
    }

    /** The names a backup of ours can have: the namer's, compressed or not, so toggling compress keeps retention. */
    private List<UnaryOperator<String>> backupNamings() {
        Namer namer = getNamer();
        UnaryOperator<String> named = namer == null ? name -> name : namer::name;
        return List.of(named, name -> {
            String plain = named.apply(name);
            return plain.endsWith(GzipRotator.EXTENSION) ? plain : plain + GzipRotator.EXTENSION;
        });
    }
}
