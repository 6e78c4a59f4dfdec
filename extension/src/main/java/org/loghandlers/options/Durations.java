package org.loghandlers.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time span written as a number of milliseconds ({@code 5000}), a number with a unit ({@code 500ms},
 * {@code 5s}, {@code 2m}, {@code 1h}) or an ISO-8601 duration as {@link OptionValues} reads a {@code Duration}
 * option ({@code PT5S}), for the options that take a timeout or a delay as text.
 */
public final class Durations {

    /** What {@link #parseMillis} accepts, for error messages. */
    public static final String ACCEPTED = "a number of milliseconds (5000), a number with a unit ms, s, m or h"
            + " (500ms, 5s) or an ISO-8601 duration (PT5S)";

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /** The milliseconds {@code text} stands for; IllegalArgumentException when it is not a span of time. */
    public static long parseMillis(String text) {
        if (text == null) {
            throw new IllegalArgumentException("null");
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = NUMBER_AND_UNIT.matcher(value);
        try {
            if (matcher.matches()) {
                long number = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2);
                return unit == null || unit.equals("ms") ? number : Duration.of(number, switch (unit) {
                    case "s" -> java.time.temporal.ChronoUnit.SECONDS;
                    case "m" -> java.time.temporal.ChronoUnit.MINUTES;
                    default -> java.time.temporal.ChronoUnit.HOURS;
                }).toMillis();
            }
            if (value.startsWith("p")) {
                Duration duration = Duration.parse(value);
                if (!duration.isNegative()) {
                    return duration.toMillis();
                }
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
        throw new IllegalArgumentException(text);
    }
}
