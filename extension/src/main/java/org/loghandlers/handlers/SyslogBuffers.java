package org.loghandlers.handlers;

import org.loghandlers.format.PerThread;
import org.loghandlers.handlers.wire.MessageBytes;

/**
 * One thread's reusable buffers for a {@link SysLogHandler} message: the record's text (ident and formatted record)
 * and the message's bytes, framed in place. With our formatters a record costs no buffer of its own; the bytes are
 * valid until the same thread encodes its next message. A record logged while another is formatted or sent (a
 * parameter's {@code toString}, an error report that logs) re-enters on the same thread and gets fresh buffers.
 */
final class SyslogBuffers {

    private static final int MAX_KEPT_CHARS = 16 * 1024;
    private static final PerThread<SyslogBuffers> BUFFERS = new PerThread<>(SyslogBuffers::new);

    final StringBuilder text = new StringBuilder(256);
    final MessageBytes message = new MessageBytes();
    private boolean inUse;

    /** This thread's buffers, or fresh ones while this thread's are in use; give them back with {@link #release}. */
    static SyslogBuffers take() {
        SyslogBuffers buffers = BUFFERS.get();
        if (buffers.inUse) {
            return new SyslogBuffers();
        }
        buffers.inUse = true;
        return buffers;
    }

    void release() {
        inUse = false;
        text.setLength(0);
        if (text.capacity() > MAX_KEPT_CHARS) {
            text.trimToSize();
        }
    }
}
