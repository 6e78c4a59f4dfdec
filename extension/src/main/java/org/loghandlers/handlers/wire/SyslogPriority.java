package org.loghandlers.handlers.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import org.loghandlers.format.PythonLevel;
import org.loghandlers.options.Suggestions;

/**
 * The {@code <PRI>} of a syslog message as Python's {@code SysLogHandler} computes it: its facility and priority
 * tables ({@code facility_names}, {@code priority_names} of 3.13), {@code mapPriority} from a level name through
 * {@code priority_map} (any other name is {@code warning}), and {@code encodePriority} ({@code facility << 3 |
 * priority}).
 */
public final class SyslogPriority {

    /** Python's {@code LOG_USER}, the default facility. */
    public static final int LOG_USER = 1;
    /** The highest facility number, {@code local7}. */
    public static final int MAX_FACILITY = 23;

    private static final Map<String, Integer> FACILITIES = new LinkedHashMap<>();
    private static final Map<String, Integer> PRIORITIES = new LinkedHashMap<>();
    private static final Map<String, String> PRIORITY_MAP = Map.of("DEBUG", "debug", "INFO", "info",
            "WARNING", "warning", "ERROR", "error", "CRITICAL", "critical");

    static {
        String[] facilities = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
            "authpriv", "ftp", "ntp", "security", "console", "solaris-cron"};
        for (int i = 0; i < facilities.length; i++) {
            FACILITIES.put(facilities[i], i);
        }
        for (int i = 0; i <= 7; i++) {
            FACILITIES.put("local" + i, 16 + i);
        }
        PRIORITIES.put("emerg", 0);
        PRIORITIES.put("panic", 0);
        PRIORITIES.put("alert", 1);
        PRIORITIES.put("crit", 2);
        PRIORITIES.put("critical", 2);
        PRIORITIES.put("err", 3);
        PRIORITIES.put("error", 3);
        PRIORITIES.put("warn", 4);
        PRIORITIES.put("warning", 4);
        PRIORITIES.put("notice", 5);
        PRIORITIES.put("info", 6);
        PRIORITIES.put("debug", 7);
    }

    private SyslogPriority() {
    }

    /**
     * A facility by Python's name ({@code user}, {@code local0}, in any case) or number 0 to 23.
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static int facility(String nameOrNumber) {
        String text = nameOrNumber == null ? "" : nameOrNumber.strip().toLowerCase(Locale.ROOT);
        Integer named = FACILITIES.get(text);
        if (named != null) {
            return named;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= 0 && number <= MAX_FACILITY) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the names.
        }
        throw new IllegalArgumentException("facility: '" + nameOrNumber + "' is not a syslog facility; expected one"
                + " of " + String.join(", ", FACILITIES.keySet()) + " or a number 0 to " + MAX_FACILITY
                + Suggestions.didYouMean(text, FACILITIES.keySet()));
    }

    /** Python's name of facility {@code number} ({@code 1} is {@code user}). */
    public static String facilityName(int number) {
        for (Map.Entry<String, Integer> entry : FACILITIES.entrySet()) {
            if (entry.getValue() == number) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("facility: " + number + " is not 0 to " + MAX_FACILITY);
    }

    /** The facility names Python accepts, in its order. */
    public static List<String> facilityNames() {
        return new ArrayList<>(FACILITIES.keySet());
    }

    /**
     * A priority (severity) by Python's name ({@code err}, {@code warning}, ...).
     *
     * @throws IllegalArgumentException for a name Python does not know
     */
    public static int priority(String name) {
        Integer number = PRIORITIES.get(name);
        if (number == null) {
            throw new IllegalArgumentException("priority: '" + name + "' is not a syslog priority; expected one of "
                    + String.join(", ", PRIORITIES.keySet()));
        }
        return number;
    }

    /** Python's {@code mapPriority}: the priority name for a Python level name; {@code warning} for any other. */
    public static String mapPriority(String levelName) {
        return PRIORITY_MAP.getOrDefault(levelName, "warning");
    }

    /** The Python level name a JUL level is sent under (SEVERE is ERROR, FINE is DEBUG; see {@link PythonLevel}). */
    public static String levelName(Level level) {
        return PythonLevel.name(level);
    }

    /** Python's {@code encodePriority}: the number between {@code <} and {@code >}. */
    public static int encodePriority(int facility, int priority) {
        return (facility << 3) | priority;
    }
}
