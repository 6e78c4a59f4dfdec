package org.loghandlers.handlers.wire;

/** Lays out a {@link SyslogMessage} as the bytes of one syslog message, before any transport framing. */
public interface SyslogFormat {

    /**
     * Writes the message's bytes into {@code out}, replacing what it held: at most {@code maxLength} of them (0 or
     * less: no limit), cut on a UTF-8 character boundary when longer.
     */
    void encode(SyslogMessage message, int maxLength, MessageBytes out);

    /** The message's bytes, as {@link #encode(SyslogMessage, int, MessageBytes)} writes them. */
    default byte[] encode(SyslogMessage message, int maxLength) {
        MessageBytes out = new MessageBytes();
        encode(message, maxLength, out);
        return out.toByteArray();
    }
}
