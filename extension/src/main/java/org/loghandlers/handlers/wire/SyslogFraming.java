package org.loghandlers.handlers.wire;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * How syslog messages are delimited on a stream (TCP, TLS, a Unix stream socket). Datagrams need none: one
 * datagram is one message.
 */
public enum SyslogFraming {

    /**
     * What Python sends: the messages back to back, nothing added, so only the NUL that {@code append_nul} ends each
     * with tells them apart (rsyslog splits on it with {@code AddtlFrameDelimiter="0"}).
     */
    NONE("none"),
    /** RFC 6587 octet counting (and RFC 5425 for TLS): the message's length in bytes, a space, the message. */
    OCTET_COUNTING("octet-counting"),
    /**
     * RFC 6587 non-transparent framing: the message then LF. An LF inside the message would end it early, so each
     * one becomes a space; use {@link #OCTET_COUNTING} to keep multi-line messages (stack traces) whole.
     */
    NON_TRANSPARENT("non-transparent");

    private final String optionValue;

    SyslogFraming(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The name configuration uses: {@code none}, {@code octet-counting}, {@code non-transparent}. */
    public String optionValue() {
        return optionValue;
    }

    /**
     * The framing named {@code text} in any case.
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static SyslogFraming parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (SyslogFraming framing : values()) {
            if (framing.optionValue.equals(wanted)) {
                return framing;
            }
        }
        throw new IllegalArgumentException("framing: '" + text + "' is not a syslog framing; expected none,"
                + " octet-counting or non-transparent");
    }

    /** {@code message} framed for a stream. */
    public ByteBuffer frame(byte[] message) {
        MessageBytes framed = MessageBytes.of(message);
        frame(framed);
        return ByteBuffer.wrap(framed.toByteArray());
    }

    /** Frames {@code message} for a stream, in place. */
    public void frame(MessageBytes message) {
        switch (this) {
            case OCTET_COUNTING:
                message.prependDecimal(message.length(), ' ');
                break;
            case NON_TRANSPARENT:
                message.replace('\n', ' ');
                message.appendByte('\n');
                break;
            default:
                break;
        }
    }
}
