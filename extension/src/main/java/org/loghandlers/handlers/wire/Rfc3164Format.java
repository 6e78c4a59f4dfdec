package org.loghandlers.handlers.wire;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 3164 (BSD syslog): {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG[PROCID]: MSG}, the timestamp in the zone's local
 * time without year or zone, as RFC 3164 has it. The host name is cut at its first dot (RFC 3164 wants no domain).
 * Without an app name there is no tag and the message follows the host name, as Log4j2's BSD layout does.
 */
public final class Rfc3164Format implements SyslogFormat {

    private static final byte[] NOTHING = {};

    private final DateTimeFormatter timestamps;

    public Rfc3164Format(ZoneId zone) {
        this.timestamps = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(zone);
    }

    @Override
    public byte[] encode(SyslogMessage message, int maxLength) {
        StringBuilder out = new StringBuilder(64 + message.text().length());
        out.append('<').append(message.priority()).append('>');
        timestamps.formatTo(message.timestamp(), out);
        String host = HeaderField.HOSTNAME.sanitize(message.hostname());
        int dot = host.indexOf('.');
        out.append(' ').append(dot > 0 ? host.substring(0, dot) : host).append(' ');
        if (message.appName() != null && !message.appName().isEmpty()) {
            out.append(HeaderField.APP_NAME.sanitize(message.appName()));
            if (message.procid() != null && !message.procid().isEmpty()) {
                out.append('[').append(HeaderField.PROCID.sanitize(message.procid())).append(']');
            }
            out.append(": ");
        }
        out.append(message.text());
        return Utf8Truncation.fit(out.toString().getBytes(StandardCharsets.UTF_8), NOTHING, maxLength);
    }
}
