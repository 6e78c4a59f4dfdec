package org.loghandlers.options;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a size as users of JBoss LogManager and Log4j2 write it: a whole number with an optional suffix {@code k},
 * {@code m} or {@code g}, in multiples of 1024, followed by an optional {@code b} or {@code ib}:
 * {@code 10485760}, {@code 10m}, {@code 10 MB} and {@code 10MiB} are the same.
 */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(-?\\d+)\\s*(?:([kmg])(?:i?b)?)?");

    private ByteSize() {
    }

    /** The number of bytes {@code text} stands for; IllegalArgumentException when it is not a size. */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(text);
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        int shift = unit == null ? 0 : switch (unit) {
            case "k" -> 10;
            case "m" -> 20;
            default -> 30;
        };
        if (Math.abs(number) > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(text);
        }
        return number << shift;
    }
}
