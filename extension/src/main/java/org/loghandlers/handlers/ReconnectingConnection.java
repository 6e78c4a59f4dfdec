package org.loghandlers.handlers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;

import org.loghandlers.options.Durations;

/**
 * The connection a stream-based network handler writes whole frames to: connected on first use and again after a
 * failure, on Python's backoff ({@link Backoff}); every connect and write bounded by its timeout; a connection the
 * peer closed noticed before the next frame goes out on it; one report per outage through the handler's
 * {@code ErrorManager}; and a count of the frames lost. Frames are written whole under one lock, so records of
 * many threads never interleave; {@link #append} collects frames of a batch for one write at {@link #flush}.
 */
final class ReconnectingConnection {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Handler owner;
    private final String peer;
    private final StreamEndpoint.Connector connector;
    private final OutageReporter outage;
    private final ByteBuffer pending = ByteBuffer.allocate(BUFFER_BYTES);
    private int pendingFrames;
    private Backoff backoff;
    private int connectTimeoutMillis;
    private int writeTimeoutMillis;
    private StreamEndpoint endpoint;
    private boolean closed;

    /**
     * @param peer what the reports call the peer ({@code "tcp localhost:9020"}); never a credential
     */
    ReconnectingConnection(Handler owner, String peer, StreamEndpoint.Connector connector, Backoff backoff,
            int connectTimeoutMillis, int writeTimeoutMillis) {
        this.owner = owner;
        this.peer = peer;
        this.connector = connector;
        this.outage = new OutageReporter(owner);
        this.backoff = backoff;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.writeTimeoutMillis = writeTimeoutMillis;
    }

    synchronized void configure(Backoff newBackoff, int connectTimeout, int writeTimeout) {
        backoff = newBackoff;
        connectTimeoutMillis = connectTimeout;
        writeTimeoutMillis = writeTimeout;
    }

    /**
     * Connects now unless a connection is open or the backoff says to wait (Python's {@code createSocket}); whether
     * a connection is open afterwards.
     */
    synchronized boolean connect() {
        return !closed && connected() != null;
    }

    /** Writes one frame now, in one write with what a batch left pending; false when it was lost (and counted). */
    synchronized boolean send(ByteBuffer frame) {
        if (pendingFrames == 0 && !closed) {
            pendingFrames = 1;
            return write(frame);
        }
        return append(frame) && flush();
    }

    /**
     * Adds a frame to the pending batch, writing the batch first when the frame does not fit, and a frame larger
     * than the batch buffer at once; false when a frame was lost (and counted).
     */
    synchronized boolean append(ByteBuffer frame) {
        if (closed) {
            outage.lost(owner.getClass().getSimpleName() + " to " + peer + " is closed; the record was dropped",
                    null, ErrorManager.WRITE_FAILURE);
            return false;
        }
        boolean nothingLost = frame.remaining() <= pending.remaining() || flush();
        if (frame.remaining() > pending.capacity()) {
            pendingFrames = 1;
            return write(frame) && nothingLost;
        }
        pending.put(frame);
        pendingFrames++;
        return nothingLost;
    }

    /** Writes the pending frames; false when they were lost (and counted). */
    synchronized boolean flush() {
        if (pendingFrames == 0) {
            return true;
        }
        pending.flip();
        try {
            return write(pending);
        } finally {
            pending.clear();
        }
    }

    private boolean write(ByteBuffer bytes) {
        int frames = pendingFrames;
        pendingFrames = 0;
        StreamEndpoint open = connected();
        if (open == null) {
            lose(frames);
            return false;
        }
        try {
            open.write(bytes, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(writeTimeoutMillis));
            outage.succeeded();
            return true;
        } catch (IOException e) {
            disconnect();
            backoff.failed(System.nanoTime());
            outage.failed(describe("writing to", e), e, ErrorManager.WRITE_FAILURE);
            lose(frames);
            return false;
        }
    }

    /** The open endpoint, or null when none could be had now. */
    private StreamEndpoint connected() {
        if (endpoint != null && endpoint.closedByPeer()) {
            disconnect();
        }
        if (endpoint == null) {
            long now = System.nanoTime();
            if (!backoff.mayAttempt(now)) {
                return null;
            }
            try {
                endpoint = connector.connect(connectTimeoutMillis);
                backoff.succeeded();
            } catch (IOException | RuntimeException e) {
                backoff.failed(now);
                outage.failed(describe("connecting to", e), e, ErrorManager.OPEN_FAILURE);
            }
        }
        return endpoint;
    }

    private void lose(int frames) {
        for (int i = 0; i < frames; i++) {
            outage.lost(describe("no connection to", null), null, ErrorManager.WRITE_FAILURE);
        }
    }

    private String describe(String doing, Exception cause) {
        return owner.getClass().getSimpleName() + " " + doing + " " + peer + " failed"
                + (cause == null ? "" : ": " + cause) + "; records are dropped until the peer is back (next attempt"
                + " in " + Durations.format(backoff.periodMillis()) + ", then longer, as retry-start, retry-factor and"
                + " retry-max say)";
    }

    private void disconnect() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    /** Records lost since the handler started: not sent because no connection could be had, or a write failed. */
    long lostRecords() {
        return outage.lostRecords();
    }

    boolean isConnected() {
        synchronized (this) {
            return endpoint != null;
        }
    }

    /** Writes what is pending, then closes the connection for good. */
    synchronized void close() {
        flush();
        disconnect();
        closed = true;
    }
}
