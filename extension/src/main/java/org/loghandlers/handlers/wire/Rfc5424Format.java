package org.loghandlers.handlers.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * RFC 5424: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG}. The timestamp is RFC 3339
 * with microseconds and the zone's offset; a missing field is {@code -}; a field that is not printable ASCII is
 * made so ({@link HeaderField#sanitize}). The message is UTF-8 without the BOM RFC 5424 asks for, as Python 3.3 and
 * later, rsyslog and most senders leave it out (receivers show it as garbage). The text of the current second and
 * of the header fields is kept from message to message.
 */
public final class Rfc5424Format implements SyslogFormat {

    private static final byte[] NOTHING = {};
    private static final byte[] VERSION = {'>', '1', ' '};

    private final SecondText seconds;
    private volatile Fields fields = new Fields(null, null, null, null, null);

    public Rfc5424Format(ZoneId zone) {
        this.seconds = new SecondText(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(zone),
                DateTimeFormatter.ofPattern("XXX").withZone(zone));
    }

    @Override
    public void encode(SyslogMessage message, int maxLength, MessageBytes out) {
        out.clear();
        out.appendByte('<');
        out.appendDecimal(message.priority());
        out.append(VERSION);
        Instant timestamp = message.timestamp();
        SecondText.Second second = seconds.of(timestamp);
        out.append(second.before);
        out.appendByte('.');
        out.appendZeroPadded(timestamp.getNano() / 1000, 6);
        out.append(second.after);
        out.append(headerFields(message));
        message.structuredData().appendTo(out);
        if (message.text().length() > 0) {
            out.appendByte(' ');
            out.appendUtf8(message.text());
        }
        out.fit(NOTHING, maxLength);
    }

    /** {@code " HOSTNAME APP-NAME PROCID MSGID "}, made again only when a field is another string. */
    private byte[] headerFields(SyslogMessage message) {
        Fields last = fields;
        if (last.hostname == message.hostname() && last.appName == message.appName()
                && last.procid == message.procid() && last.msgid == message.msgid() && last.text != null) {
            return last.text;
        }
        String text = " " + HeaderField.HOSTNAME.sanitize(message.hostname())
                + " " + HeaderField.APP_NAME.sanitize(message.appName())
                + " " + HeaderField.PROCID.sanitize(message.procid())
                + " " + HeaderField.MSGID.sanitize(message.msgid()) + " ";
        Fields made = new Fields(message.hostname(), message.appName(), message.procid(), message.msgid(),
                text.getBytes(StandardCharsets.US_ASCII));
        fields = made;
        return made.text;
    }

    private static final class Fields {
        final String hostname;
        final String appName;
        final String procid;
        final String msgid;
        final byte[] text;

        Fields(String hostname, String appName, String procid, String msgid, byte[] text) {
            this.hostname = hostname;
            this.appName = appName;
            this.procid = procid;
            this.msgid = msgid;
            this.text = text;
        }
    }
}
