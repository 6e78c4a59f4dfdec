package org.loghandlers.handlers.wire;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header as Python's {@code email.utils.format_datetime} writes it (RFC 5322):
 * {@code Tue, 24 Nov 2026 19:45:35 +0000}, the day of month with two digits and no zone name in parentheses
 * (Jakarta Mail's own date format adds one).
 */
public final class MailDate {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.US);

    private MailDate() {
    }

    public static String format(ZonedDateTime time) {
        return FORMAT.format(time);
    }
}
