package org.loghandlers.handlers;

import org.loghandlers.handlers.wire.MessageBytes;

/**
 * How a {@link SysLogHandler} delivers encoded messages: a datagram each, or framed on a stream. Never blocks
 * longer than the handler's timeout, never throws; a failure is reported once per outage and the message counted
 * as lost.
 */
interface SyslogTransport {

    /** Sends one message now, framing it in place first where the transport frames; false when it was lost. */
    boolean send(MessageBytes message);

    /**
     * Adds a message to a batch written at {@link #flush} where the transport batches, else sends it now; framed in
     * place as {@link #send} does. The message may be reused once this returns.
     */
    boolean append(MessageBytes message);

    /** Writes the batch; false when it was lost. */
    boolean flush();

    /** Messages lost since this transport was made. */
    long lostRecords();

    void close();
}
