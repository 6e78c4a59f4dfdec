package org.loghandlers.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A duration written as text for a String option: a number of milliseconds ({@code 250}), a number with a unit
 * ({@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 1m}) or ISO-8601 ({@code PT0.25S}).
 */
public final class DurationText {

    /** What {@link #parse} accepts, for messages. */
    public static final String ACCEPTED = "a duration such as 100ms, 2s, 1m, PT0.5S, or a whole number of"
            + " milliseconds";

    private DurationText() {
    }

    /** The duration of {@code text}; throws IllegalArgumentException with {@link #ACCEPTED} when it is not one. */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt") || value.startsWith("p")) {
                return nonNegative(Duration.parse(value.toUpperCase(Locale.ROOT)));
            }
            if (value.endsWith("ms")) {
                return nonNegative(Duration.ofNanos(Math.round(Double.parseDouble(number(value, 2)) * 1e6)));
            }
            if (value.endsWith("s")) {
                return nonNegative(Duration.ofNanos(Math.round(Double.parseDouble(number(value, 1)) * 1e9)));
            }
            if (value.endsWith("m")) {
                return nonNegative(Duration.ofNanos(Math.round(Double.parseDouble(number(value, 1)) * 60e9)));
            }
            return nonNegative(Duration.ofMillis(Long.parseLong(value)));
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; accepted: " + ACCEPTED);
        }
    }

    private static String number(String value, int unitLength) {
        return value.substring(0, value.length() - unitLength).trim();
    }

    private static Duration nonNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new NumberFormatException("negative");
        }
        return duration;
    }

    /** The shortest text {@link #parse} reads back as {@code duration} ({@code 100ms}, {@code 5s}). */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 && millis > 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
