package org.loghandlers.handlers.wire;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * RFC 5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG}. The timestamp is RFC 3339
 * with microseconds and the zone's offset; a missing field is {@code -}; a field that is not printable ASCII is
 * made so ({@link HeaderField#sanitize}). The message is UTF-8 without the BOM RFC 5424 asks for, as Python 3.3 and
 * later, rsyslog and most senders leave it out (receivers show it as garbage).
 */
public final class Rfc5424Format implements SyslogFormat {

    private static final byte[] NOTHING = {};

    private final DateTimeFormatter timestamps;

    public Rfc5424Format(ZoneId zone) {
        this.timestamps = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX").withZone(zone);
    }

    @Override
    public byte[] encode(SyslogMessage message, int maxLength) {
        StringBuilder out = new StringBuilder(128 + message.text().length());
        out.append('<').append(message.priority()).append(">1 ");
        timestamps.formatTo(message.timestamp(), out);
        out.append(' ').append(HeaderField.HOSTNAME.sanitize(message.hostname()));
        out.append(' ').append(HeaderField.APP_NAME.sanitize(message.appName()));
        out.append(' ').append(HeaderField.PROCID.sanitize(message.procid()));
        out.append(' ').append(HeaderField.MSGID.sanitize(message.msgid()));
        out.append(' ');
        message.structuredData().appendTo(out);
        if (!message.text().isEmpty()) {
            out.append(' ').append(message.text());
        }
        return Utf8Truncation.fit(out.toString().getBytes(StandardCharsets.UTF_8), NOTHING, maxLength);
    }
}
