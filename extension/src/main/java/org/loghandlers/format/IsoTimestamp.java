package org.loghandlers.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 timestamps with milliseconds and a numeric offset ({@code 2003-07-08T16:49:45.896+02:00}) in one zone;
 * the text up to the seconds and the offset are cached for the current second.
 */
final class IsoTimestamp {

    private static final DateTimeFormatter TO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final ZoneId zone;
    private volatile Second cache = new Second(Long.MIN_VALUE, "", "");

    IsoTimestamp(ZoneId zone) {
        this.zone = zone;
    }

    void append(StringBuilder out, Instant instant) {
        long epochSecond = instant.getEpochSecond();
        Second second = cache;
        if (second.epochSecond != epochSecond) {
            ZonedDateTime time = Instant.ofEpochSecond(epochSecond).atZone(zone);
            ZoneOffset offset = time.getOffset();
            second = new Second(epochSecond, TO_SECONDS.format(time),
                    offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
            cache = second;
        }
        int millis = instant.getNano() / 1_000_000;
        out.append(second.dateTime).append('.');
        if (millis < 100) {
            out.append('0');
        }
        if (millis < 10) {
            out.append('0');
        }
        out.append(millis).append(second.offset);
    }

    private static final class Second {
        final long epochSecond;
        final String dateTime;
        final String offset;

        Second(long epochSecond, String dateTime, String offset) {
            this.epochSecond = epochSecond;
            this.dateTime = dateTime;
            this.offset = offset;
        }
    }
}
