package org.loghandlers.handlers;

import org.loghandlers.handlers.wire.MessageBytes;
import org.loghandlers.handlers.wire.SyslogFraming;

/**
 * Syslog messages on a {@link ReconnectingConnection}: framed for a stream (TCP, TLS) and batched when asked, or,
 * for a Unix socket that may turn out to be a datagram socket, handed over one by one for the endpoint to frame.
 */
final class StreamTransport implements SyslogTransport {

    private final ReconnectingConnection connection;
    private final SyslogFraming framing;
    private final boolean batches;

    /**
     * @param framing applied here; {@link SyslogFraming#NONE} when the endpoints frame (or are datagrams)
     * @param batches whether {@link #append} collects messages for one write
     */
    StreamTransport(ReconnectingConnection connection, SyslogFraming framing, boolean batches) {
        this.connection = connection;
        this.framing = framing;
        this.batches = batches;
    }

    @Override
    public boolean send(MessageBytes message) {
        framing.frame(message);
        return connection.send(message.buffer());
    }

    @Override
    public boolean append(MessageBytes message) {
        framing.frame(message);
        return batches ? connection.append(message.buffer()) : connection.send(message.buffer());
    }

    @Override
    public boolean flush() {
        return connection.flush();
    }

    @Override
    public long lostRecords() {
        return connection.lostRecords();
    }

    @Override
    public void close() {
        connection.close();
    }
}
