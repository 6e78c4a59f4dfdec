package org.loghandlers.format;

import java.util.Locale;
import java.util.logging.Level;

/**
 * Translates between {@code java.util.logging} levels and Python's {@code logging} levels.
 *
 * <p>A JUL level maps to the Python level of the range its int value falls in: 1100 and above (JBoss FATAL) is
 * CRITICAL 50, 1000 to 1099 (SEVERE, JBoss ERROR) is ERROR 40, 900 to 999 (WARNING, JBoss WARN) is WARNING 30, 700
 * to 899 (INFO, CONFIG) is INFO 20 and everything lower (FINE, FINER, FINEST, JBoss DEBUG and TRACE) is DEBUG 10.
 * {@link Level#ALL} is NOTSET 0; {@link Level#OFF} has no Python counterpart and is reported as {@code OFF} with
 * the number {@link Integer#MAX_VALUE}, so that nothing passes it as a threshold.
 */
public final class PythonLevel {

    /** Python's CRITICAL. */
    public static final int CRITICAL_NUMBER = 50;
    /** Python's ERROR. */
    public static final int ERROR_NUMBER = 40;
    /** Python's WARNING. */
    public static final int WARNING_NUMBER = 30;
    /** Python's INFO. */
    public static final int INFO_NUMBER = 20;
    /** Python's DEBUG. */
    public static final int DEBUG_NUMBER = 10;
    /** Python's NOTSET. */
    public static final int NOTSET_NUMBER = 0;

    static final String ACCEPTED = "a Java level name (OFF, SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST, ALL),"
            + " a JBoss level name (FATAL, ERROR, WARN, INFO, DEBUG, TRACE),"
            + " a Python level name (CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET), in any case,"
            + " or an integer (a java.util.logging int value)";

    private PythonLevel() {
    }

    /** The Python level name of {@code level}: CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET, or OFF. */
    public static String name(Level level) {
        int value = level.intValue();
        if (value == Integer.MAX_VALUE) {
            return "OFF";
        }
        if (value >= 1100) {
            return "CRITICAL";
        }
        if (value >= 1000) {
            return "ERROR";
        }
        if (value >= 900) {
            return "WARNING";
        }
        if (value >= 700) {
            return "INFO";
        }
        if (value == Integer.MIN_VALUE) {
            return "NOTSET";
        }
        return "DEBUG";
    }

    /** The Python level number of {@code level} (50, 40, 30, 20, 10, 0, or {@link Integer#MAX_VALUE} for OFF). */
    public static int number(Level level) {
        int value = level.intValue();
        if (value == Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        if (value >= 1100) {
            return CRITICAL_NUMBER;
        }
        if (value >= 1000) {
            return ERROR_NUMBER;
        }
        if (value >= 900) {
            return WARNING_NUMBER;
        }
        if (value >= 700) {
            return INFO_NUMBER;
        }
        if (value == Integer.MIN_VALUE) {
            return NOTSET_NUMBER;
        }
        return DEBUG_NUMBER;
    }

    /**
     * The JUL level for a Python level number used as a threshold: 50 is {@link JBossLevel#FATAL}, 40
     * {@link Level#SEVERE}, 30 {@link Level#WARNING}, 20 {@link Level#INFO}, 10 {@link JBossLevel#DEBUG}, 0 and
     * below {@link Level#ALL}. A number between two of those rounds up to the next one (Python's 25 lets WARNING
     * through but not INFO, and so does WARNING); above 50 nothing passes, so it is {@link Level#OFF}.
     */
    public static Level fromNumber(int pythonNumber) {
        if (pythonNumber <= NOTSET_NUMBER) {
            return Level.ALL;
        }
        if (pythonNumber <= DEBUG_NUMBER) {
            return JBossLevel.DEBUG;
        }
        if (pythonNumber <= INFO_NUMBER) {
            return Level.INFO;
        }
        if (pythonNumber <= WARNING_NUMBER) {
            return Level.WARNING;
        }
        if (pythonNumber <= ERROR_NUMBER) {
            return Level.SEVERE;
        }
        if (pythonNumber <= CRITICAL_NUMBER) {
            return JBossLevel.FATAL;
        }
        return Level.OFF;
    }

    /**
     * The JUL level for the Python level number of a record (a received one): 50 is {@link JBossLevel#FATAL}, 40
     * {@link Level#SEVERE}, 30 {@link Level#WARNING}, 20 {@link Level#INFO}, 10 {@link JBossLevel#DEBUG}, 0
     * {@link Level#ALL}. A number between two of those rounds down (a record at Python's 25 passes an INFO threshold
     * but not a WARNING one, as in Python); above 50 is FATAL, and 1 to 9 is {@link JBossLevel#TRACE}.
     */
    public static Level ofRecord(int pythonNumber) {
        if (pythonNumber >= CRITICAL_NUMBER) {
            return JBossLevel.FATAL;
        }
        if (pythonNumber >= ERROR_NUMBER) {
            return Level.SEVERE;
        }
        if (pythonNumber >= WARNING_NUMBER) {
            return Level.WARNING;
        }
        if (pythonNumber >= INFO_NUMBER) {
            return Level.INFO;
        }
        if (pythonNumber >= DEBUG_NUMBER) {
            return JBossLevel.DEBUG;
        }
        if (pythonNumber > NOTSET_NUMBER) {
            return JBossLevel.TRACE;
        }
        return Level.ALL;
    }

    /**
     * Parses a level written as a Java, JBoss or Python level name (any case) or as an integer, which is read as a
     * {@code java.util.logging} int value like {@link Level#parse} does (use {@link #fromNumber} for Python
     * numbers). Python's CRITICAL is {@link JBossLevel#FATAL} and NOTSET is {@link Level#ALL}; ERROR, WARN, DEBUG
     * and TRACE are the {@link JBossLevel} constants.
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static Level parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("level: '" + text + "' is not a level; accepted: " + ACCEPTED);
        }
        String name = text.strip().toUpperCase(Locale.ROOT);
        switch (name) {
            case "OFF":
                return Level.OFF;
            case "FATAL":
            case "CRITICAL":
                return JBossLevel.FATAL;
            case "SEVERE":
                return Level.SEVERE;
            case "ERROR":
                return JBossLevel.ERROR;
            case "WARNING":
                return Level.WARNING;
            case "WARN":
                return JBossLevel.WARN;
            case "INFO":
                return Level.INFO;
            case "CONFIG":
                return Level.CONFIG;
            case "FINE":
                return Level.FINE;
            case "DEBUG":
                return JBossLevel.DEBUG;
            case "FINER":
                return Level.FINER;
            case "TRACE":
                return JBossLevel.TRACE;
            case "FINEST":
                return Level.FINEST;
            case "ALL":
            case "NOTSET":
                return Level.ALL;
            default:
                return parseInteger(text, name);
        }
    }

    private static Level parseInteger(String text, String name) {
        int value;
        try {
            value = Integer.parseInt(name);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("level: '" + text + "' is not a level; accepted: " + ACCEPTED);
        }
        for (Level known : new Level[] {Level.OFF, JBossLevel.FATAL, Level.SEVERE, Level.WARNING, Level.INFO,
                Level.CONFIG, Level.FINE, Level.FINER, Level.FINEST, Level.ALL}) {
            if (known.intValue() == value) {
                return known;
            }
        }
        return new NumericLevel(value);
    }

    /** A level known only by its int value, named after it like {@link Level#parse} names such levels. */
    private static final class NumericLevel extends Level {
        private static final long serialVersionUID = 1L;

        NumericLevel(int value) {
            super(Integer.toString(value), value);
        }
    }
}
