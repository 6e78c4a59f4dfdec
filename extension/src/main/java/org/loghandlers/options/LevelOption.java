package org.loghandlers.options;

import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

/**
 * Reads a level written in any of the three vocabularies users bring: Java ({@code SEVERE}, {@code FINE}), JBoss
 * ({@code ERROR}, {@code DEBUG}, {@code TRACE}) or Python ({@code CRITICAL}, {@code WARNING}, {@code NOTSET}), or a
 * number. The levels returned are the JDK's own (or an anonymous JDK level for a value none has), so setting one on
 * a logger leaves no reference to this library's classes behind.
 */
public final class LevelOption {

    private static final Map<String, Integer> VALUES = Map.ofEntries(
            Map.entry("OFF", Integer.MAX_VALUE),
            Map.entry("FATAL", 1100),
            Map.entry("CRITICAL", 1100),
            Map.entry("SEVERE", 1000),
            Map.entry("ERROR", 1000),
            Map.entry("WARNING", 900),
            Map.entry("WARN", 900),
            Map.entry("INFO", 800),
            Map.entry("CONFIG", 700),
            Map.entry("FINE", 500),
            Map.entry("DEBUG", 500),
            Map.entry("FINER", 400),
            Map.entry("TRACE", 400),
            Map.entry("FINEST", 300),
            Map.entry("ALL", Integer.MIN_VALUE),
            Map.entry("NOTSET", Integer.MIN_VALUE));

    /** What {@link #parse} accepts, for error messages. */
    public static final String ACCEPTED = "a level name (Java: OFF, SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST,"
            + " ALL; JBoss: FATAL, ERROR, WARN, DEBUG, TRACE; Python: CRITICAL, NOTSET) or an integer";

    private LevelOption() {
    }

    /** The level named by {@code text}, ignoring case; throws IllegalArgumentException naming what is accepted. */
    public static Level parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT);
        Integer value = VALUES.get(name);
        if (value == null) {
            try {
                value = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown level; accepted: " + ACCEPTED
                        + Suggestions.didYouMean(name, VALUES.keySet()));
            }
        }
        return Level.parse(Integer.toString(value));
    }
}
