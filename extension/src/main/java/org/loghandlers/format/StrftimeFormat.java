package org.loghandlers.format;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.ToLongFunction;

/**
 * A {@code time.strftime} date format (Python's {@code datefmt}) compiled once into parts, rendered with the C
 * locale's English names like glibc does. GNU's padding flags ({@code %-d}, {@code %_d}, {@code %0e}, {@code %^a})
 * and the {@code E}/{@code O} modifiers are accepted; {@code %f} (microseconds) is taken from
 * {@code datetime.strftime}, since {@code time.strftime} leaves it as is. Any other directive is rejected.
 */
final class StrftimeFormat {

    static final String ACCEPTED_DIRECTIVES = "%a %A %b %h %B %c %C %d %D %e %f %F %g %G %H %I %j %k %l %m %M %n %p"
            + " %P %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%, with the GNU flags - _ 0 ^"
            + " and the E and O modifiers";

    private static final String[] DAY_ABBREVIATIONS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] DAY_NAMES = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTH_ABBREVIATIONS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /** One compiled piece of the format. */
    @FunctionalInterface
    private interface Part {
        void append(StringBuilder out, ZonedDateTime time);
    }

    private final String pattern;
    private final List<Part> parts;
    private final boolean usesSubSecond;

    private StrftimeFormat(String pattern, List<Part> parts, boolean usesSubSecond) {
        this.pattern = pattern;
        this.parts = parts;
        this.usesSubSecond = usesSubSecond;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @throws IllegalArgumentException naming the option {@code dateFormat}, the value and the accepted directives
     */
    static StrftimeFormat compile(String pattern) {
        List<Part> parts = new ArrayList<>();
        boolean[] subSecond = new boolean[1];
        compileInto(pattern, pattern, parts, subSecond);
        return new StrftimeFormat(pattern, List.copyOf(parts), subSecond[0]);
    }

    String pattern() {
        return pattern;
    }

    /** Whether the text changes within a second ({@code %f}), so it cannot be cached per second. */
    boolean usesSubSecond() {
        return usesSubSecond;
    }

    void append(StringBuilder out, ZonedDateTime time) {
        for (Part part : parts) {
            part.append(out, time);
        }
    }

    String render(ZonedDateTime time) {
        StringBuilder out = new StringBuilder(32);
        append(out, time);
        return out.toString();
    }

    private static void compileInto(String whole, String pattern, List<Part> parts, boolean[] subSecond) {
        int i = 0;
        int n = pattern.length();
        StringBuilder literal = new StringBuilder();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            char flag = 0;
            if (i < n && "-_0^".indexOf(pattern.charAt(i)) >= 0) {
                flag = pattern.charAt(i);
                i++;
            }
            if (i < n && (pattern.charAt(i) == 'E' || pattern.charAt(i) == 'O')) {
                i++;
            }
            if (i >= n) {
                throw invalid(whole, "'" + pattern.substring(start) + "' at the end has no directive letter");
            }
            char directive = pattern.charAt(i);
            i++;
            String literalDirective = literalOf(directive);
            if (literalDirective != null) {
                literal.append(literalDirective);
                continue;
            }
            flushLiteral(literal, parts);
            String expansion = expansionOf(directive);
            if (expansion != null) {
                compileInto(whole, expansion, parts, subSecond);
                continue;
            }
            if (directive == 'f') {
                subSecond[0] = true;
            }
            Part part = directivePart(directive, flag);
            if (part == null) {
                throw invalid(whole, "unknown directive '" + pattern.substring(start, i) + "'");
            }
            parts.add(part);
        }
        flushLiteral(literal, parts);
    }

    private static IllegalArgumentException invalid(String pattern, String problem) {
        return new IllegalArgumentException("dateFormat: '" + pattern + "' is not a valid time.strftime format: "
                + problem + "; accepted directives: " + ACCEPTED_DIRECTIVES);
    }

    private static void flushLiteral(StringBuilder literal, List<Part> parts) {
        if (literal.length() > 0) {
            String text = literal.toString();
            parts.add((out, time) -> out.append(text));
            literal.setLength(0);
        }
    }

    private static String literalOf(char directive) {
        switch (directive) {
            case '%':
                return "%";
            case 'n':
                return "\n";
            case 't':
                return "\t";
            default:
                return null;
        }
    }

    private static String expansionOf(char directive) {
        switch (directive) {
            case 'c':
                return "%a %b %e %H:%M:%S %Y";
            case 'D':
            case 'x':
                return "%m/%d/%y";
            case 'F':
                return "%Y-%m-%d";
            case 'r':
                return "%I:%M:%S %p";
            case 'R':
                return "%H:%M";
            case 'T':
            case 'X':
                return "%H:%M:%S";
            default:
                return null;
        }
    }

    private static Part directivePart(char directive, char flag) {
        switch (directive) {
            case 'a':
                return text(flag, time -> DAY_ABBREVIATIONS[time.getDayOfWeek().getValue() - 1]);
            case 'A':
                return text(flag, time -> DAY_NAMES[time.getDayOfWeek().getValue() - 1]);
            case 'b':
            case 'h':
                return text(flag, time -> MONTH_ABBREVIATIONS[time.getMonthValue() - 1]);
            case 'B':
                return text(flag, time -> MONTH_NAMES[time.getMonthValue() - 1]);
            case 'p':
                return text(flag, time -> time.getHour() < 12 ? "AM" : "PM");
            case 'P':
                return text(flag, time -> time.getHour() < 12 ? "am" : "pm");
            case 'Z':
                return text(flag, StrftimeFormat::zoneAbbreviation);
            case 'z':
                return (out, time) -> appendOffset(out, time.getOffset().getTotalSeconds());
            case 'C':
                return number(flag, 2, '0', time -> Math.floorDiv(time.getYear(), 100));
            case 'd':
                return number(flag, 2, '0', ZonedDateTime::getDayOfMonth);
            case 'e':
                return number(flag, 2, ' ', ZonedDateTime::getDayOfMonth);
            case 'f':
                return number(flag, 6, '0', time -> time.getNano() / 1000);
            case 'G':
                return number(flag, 0, '0', time -> time.get(IsoFields.WEEK_BASED_YEAR));
            case 'g':
                return number(flag, 2, '0', time -> Math.floorMod(time.get(IsoFields.WEEK_BASED_YEAR), 100));
            case 'H':
                return number(flag, 2, '0', ZonedDateTime::getHour);
            case 'I':
                return number(flag, 2, '0', StrftimeFormat::twelveHour);
            case 'j':
                return number(flag, 3, '0', ZonedDateTime::getDayOfYear);
            case 'k':
                return number(flag, 2, ' ', ZonedDateTime::getHour);
            case 'l':
                return number(flag, 2, ' ', StrftimeFormat::twelveHour);
            case 'm':
                return number(flag, 2, '0', ZonedDateTime::getMonthValue);
            case 'M':
                return number(flag, 2, '0', ZonedDateTime::getMinute);
            case 's':
                return number(flag, 0, '0', ZonedDateTime::toEpochSecond);
            case 'S':
                return number(flag, 2, '0', ZonedDateTime::getSecond);
            case 'u':
                return number(flag, 1, '0', time -> time.getDayOfWeek().getValue());
            case 'U':
                return number(flag, 2, '0', time -> (time.getDayOfYear() - 1 + 7 - sundayBasedDay(time)) / 7);
            case 'V':
                return number(flag, 2, '0', time -> time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w':
                return number(flag, 1, '0', StrftimeFormat::sundayBasedDay);
            case 'W':
                return number(flag, 2, '0',
                    time -> (time.getDayOfYear() - 1 + 7 - (time.getDayOfWeek().getValue() - 1)) / 7);
            case 'y':
                return number(flag, 2, '0', time -> Math.floorMod(time.getYear(), 100));
            case 'Y':
                return number(flag, 0, '0', ZonedDateTime::getYear);
            default:
                return null;
        }
    }

    private interface TextField {
        String of(ZonedDateTime time);
    }

    private static Part text(char flag, TextField field) {
        if (flag == '^') {
            return (out, time) -> out.append(field.of(time).toUpperCase(Locale.ROOT));
        }
        return (out, time) -> out.append(field.of(time));
    }

    private static Part number(char flag, int defaultWidth, char defaultPad, ToLongFunction<ZonedDateTime> field) {
        int width = flag == '-' ? 0 : defaultWidth;
        char pad = flag == '_' ? ' ' : flag == '0' ? '0' : defaultPad;
        return (out, time) -> {
            long value = field.applyAsLong(time);
            int start = out.length();
            if (value < 0) {
                out.append('-');
                start++;
            }
            out.append(Math.abs(value));
            for (int digits = out.length() - start; digits < width; digits++) {
                out.insert(start, pad);
            }
        };
    }

    private static int twelveHour(ZonedDateTime time) {
        int hour = time.getHour() % 12;
        return hour == 0 ? 12 : hour;
    }

    private static int sundayBasedDay(ZonedDateTime time) {
        DayOfWeek day = time.getDayOfWeek();
        return day.getValue() % 7;
    }

    private static void appendOffset(StringBuilder out, int totalSeconds) {
        int minutes = Math.abs(totalSeconds) / 60;
        out.append(totalSeconds < 0 ? '-' : '+');
        int hours = minutes / 60;
        int minute = minutes % 60;
        if (hours < 10) {
            out.append('0');
        }
        out.append(hours);
        if (minute < 10) {
            out.append('0');
        }
        out.append(minute);
    }

    /**
     * The zone's abbreviation as the C library's {@code tm_zone} has it (EST, CEST). Java 23+ (CLDR only) has these
     * short names in English but not in the root locale, where it answers GMT-05:00.
     */
    private static String zoneAbbreviation(ZonedDateTime time) {
        TimeZone zone = TimeZone.getTimeZone(time.getZone());
        boolean daylight = time.getZone().getRules().isDaylightSavings(time.toInstant());
        return zone.getDisplayName(daylight, TimeZone.SHORT, Locale.ENGLISH);
    }
}
