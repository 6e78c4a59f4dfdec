package org.loghandlers.handlers.wire;

/** Lays out a {@link SyslogMessage} as the bytes of one syslog message, before any transport framing. */
public interface SyslogFormat {

    /**
     * The message's bytes, at most {@code maxLength} of them (0 or less: no limit), cut on a UTF-8 character
     * boundary when longer.
     */
    byte[] encode(SyslogMessage message, int maxLength);
}
