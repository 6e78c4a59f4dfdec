package org.loghandlers.handlers.wire;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * RFC 3164 (BSD syslog): {@code <PRI>Mmm dd hh:mm:ss HOSTNAME TAG[PROCID]: MSG}, the timestamp in the zone's local
 * time without year or zone, as RFC 3164 has it. The host name is cut at its first dot (RFC 3164 wants no domain).
 * Without an app name there is no tag and the message follows the host name, as Log4j2's BSD layout does. The text
 * of the current second and of the header fields is kept from message to message.
 */
public final class Rfc3164Format implements SyslogFormat {

    private static final byte[] NOTHING = {};

    private final SecondText seconds;
    private volatile Fields fields = new Fields(null, null, null, null);

    public Rfc3164Format(ZoneId zone) {
        this.seconds = new SecondText(DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(zone),
                null);
    }

    @Override
    public void encode(SyslogMessage message, int maxLength, MessageBytes out) {
        out.clear();
        out.appendByte('<');
        out.appendDecimal(message.priority());
        out.appendByte('>');
        out.append(seconds.of(message.timestamp()).before);
        out.append(hostAndTag(message));
        out.appendUtf8(message.text());
        out.fit(NOTHING, maxLength);
    }

    /** {@code " HOSTNAME TAG[PROCID]: "}, made again only when a field is another string. */
    private byte[] hostAndTag(SyslogMessage message) {
        Fields last = fields;
        if (last.hostname == message.hostname() && last.appName == message.appName()
                && last.procid == message.procid() && last.text != null) {
            return last.text;
        }
        StringBuilder out = new StringBuilder(64);
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
        Fields made = new Fields(message.hostname(), message.appName(), message.procid(),
                out.toString().getBytes(StandardCharsets.US_ASCII));
        fields = made;
        return made.text;
    }

    private static final class Fields {
        final String hostname;
        final String appName;
        final String procid;
        final byte[] text;

        Fields(String hostname, String appName, String procid, byte[] text) {
            this.hostname = hostname;
            this.appName = appName;
            this.procid = procid;
            this.text = text;
        }
    }
}
