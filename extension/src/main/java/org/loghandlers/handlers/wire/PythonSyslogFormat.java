package org.loghandlers.handlers.wire;

/**
 * The bytes Python 3.13's {@code SysLogHandler.emit} sends: {@code <PRI>}, the text (ident and formatted record)
 * in UTF-8, and a NUL when {@code append_nul} is on (the default). No timestamp, host name or other header.
 */
public final class PythonSyslogFormat implements SyslogFormat {

    private static final byte[] NUL = {0};
    private static final byte[] NOTHING = {};

    private final boolean appendNul;

    public PythonSyslogFormat(boolean appendNul) {
        this.appendNul = appendNul;
    }

    /** The NUL, when on, is kept at the end of a message cut to {@code maxLength}. */
    @Override
    public void encode(SyslogMessage message, int maxLength, MessageBytes out) {
        out.clear();
        out.appendByte('<');
        out.appendDecimal(message.priority());
        out.appendByte('>');
        out.appendUtf8(message.text());
        out.fit(appendNul ? NUL : NOTHING, maxLength);
    }
}
