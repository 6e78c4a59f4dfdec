package org.loghandlers.receivers.wire;

import java.io.IOException;

/**
 * Bytes received that are not what the wire format allows: a malformed or truncated pickle or JSON text, a frame
 * over the size limit, or a pickle that names a class or function (refused, never run). The message says what and
 * where, without repeating the received bytes beyond a short, printable excerpt.
 */
public class WireFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}
