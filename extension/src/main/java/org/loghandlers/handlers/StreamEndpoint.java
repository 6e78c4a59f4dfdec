package org.loghandlers.handlers;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One open byte-stream connection to a peer (TCP, a Unix stream socket, TLS), written by a
 * {@link ReconnectingConnection}: every write has a deadline, after which the connection is given up.
 */
interface StreamEndpoint extends Closeable {

    /** Writes all of {@code bytes}, or throws, leaving the endpoint unusable, by {@code deadlineNanos}. */
    void write(ByteBuffer bytes, long deadlineNanos) throws IOException;

    /**
     * Whether the peer has closed or reset the connection, found without waiting (our peers never send data; what
     * they do send is read and dropped).
     */
    boolean closedByPeer();

    @Override
    void close();

    /** Opens endpoints to one peer. */
    @FunctionalInterface
    interface Connector {

        /** Connects, or throws, within {@code timeoutMillis}. */
        StreamEndpoint connect(int timeoutMillis) throws IOException;
    }
}
