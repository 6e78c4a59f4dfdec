package org.loghandlers.options;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way every time option is written (a timeout, a delay, an interval): a number with a unit ({@code 500ms},
 * {@code 5s}, {@code 2m}, {@code 1h}), an ISO-8601 duration ({@code PT0.5S}), or a bare number, which is SECONDS as
 * in Python's parameters ({@code timeout=1.0}, {@code retryStart}); decimals are allowed everywhere ({@code 0.5},
 * {@code 1.5s}). Handlers take these options as String setters and keep milliseconds.
 */
public final class Durations {

    /** The longest time option a handler takes: a day. */
    public static final long DAY_MILLIS = 86_400_000;

    /** What {@link #parse} accepts, for error messages. */
    public static final String ACCEPTED = "a number of seconds (5, 0.5), a number with a unit ms, s, m or h"
            + " (500ms, 2s, 1m) or an ISO-8601 duration (PT0.5S)";

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(ms|s|m|h)?");
    private static final BigDecimal MILLISECOND = new BigDecimal("0.001");
    private static final BigDecimal MINUTE = BigDecimal.valueOf(60);
    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);

    private Durations() {
    }

    /**
     * The span of time {@code text} stands for.
     *
     * @throws IllegalArgumentException (its message the text) when it is none of the forms above or negative
     */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("null");
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            Matcher matcher = NUMBER_AND_UNIT.matcher(value);
            if (matcher.matches()) {
                return ofSeconds(new BigDecimal(matcher.group(1)).multiply(secondsPer(matcher.group(2))));
            }
            if (value.startsWith("p")) {
                Duration duration = Duration.parse(value);
                if (!duration.isNegative()) {
                    return duration;
                }
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
        throw new IllegalArgumentException(text);
    }

    /**
     * A setter's reading of a time option: the milliseconds of {@code text}, from {@code minMillis} to
     * {@code maxMillis}.
     *
     * @throws IllegalArgumentException naming the option, the value and {@link #ACCEPTED} (with the range when the
     *     value is a span of time outside it)
     */
    public static long millis(String option, String text, long minMillis, long maxMillis) {
        long millis;
        try {
            millis = parse(text).toMillis();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a span of time; accepted: "
                    + ACCEPTED);
        }
        if (millis < minMillis || millis > maxMillis) {
            throw new IllegalArgumentException(option + ": '" + text + "' is out of range; accepted: " + ACCEPTED
                    + ", from " + format(minMillis) + " to " + format(maxMillis));
        }
        return millis;
    }

    /**
     * Text {@link #parse} reads back as {@code millis}, in the largest unit that keeps it whole: {@code 24h},
     * {@code 2m}, {@code 5s}, {@code 1500ms}, {@code 0s}.
     */
    public static String format(long millis) {
        if (millis == 0) {
            return "0s";
        }
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static BigDecimal secondsPer(String unit) {
        if (unit == null || unit.equals("s")) {
            return BigDecimal.ONE;
        }
        return switch (unit) {
            case "ms" -> MILLISECOND;
            case "m" -> MINUTE;
            default -> HOUR;
        };
    }

    private static Duration ofSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.DOWN);
        long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact();
        return Duration.ofSeconds(whole.longValueExact(), nanos);
    }
}
