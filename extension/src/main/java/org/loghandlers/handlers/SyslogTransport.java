package org.loghandlers.handlers;

/**
 * How a {@link SysLogHandler} delivers encoded messages: a datagram each, or framed on a stream. Never blocks
 * longer than the handler's timeout, never throws; a failure is reported once per outage and the message counted
 * as lost.
 */
interface SyslogTransport {

    /** Sends one message now; false when it was lost. */
    boolean send(byte[] message);

    /** Adds a message to a batch written at {@link #flush} where the transport batches; else sends it now. */
    boolean append(byte[] message);

    /** Writes the batch; false when it was lost. */
    boolean flush();

    /** Messages lost since this transport was made. */
    long lostRecords();

    void close();
}
