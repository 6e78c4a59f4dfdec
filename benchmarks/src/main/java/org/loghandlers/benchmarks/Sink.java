package org.loghandlers.benchmarks;

import java.io.IOException;
import java.time.Duration;

/**
 * A loopback receiver that counts the records a scenario sent, as its {@link Wire} frames them, so that the delivery
 * check compares the calls made with the records that arrived. It runs on its own threads in the benchmark's JVM,
 * bound to 127.0.0.1 on a free port, and allocates nothing per record: every library measured pays the same for it.
 */
interface Sink extends AutoCloseable {

    /** A sink for {@code wire}, already listening. */
    static Sink open(Wire wire) throws IOException {
        return wire.isDatagram() ? new UdpSink(wire) : new TcpSink(wire);
    }

    /** The port the sender must use on 127.0.0.1. */
    int port();

    /**
     * Once the sender is closed: waits until it is seen to have finished (TCP: every connection closed by the
     * sender; UDP: {@code expected} datagrams, or none for a while), at most {@code timeout}, and says what arrived.
     */
    Reception awaitReception(long expected, Duration timeout) throws InterruptedException;

    /** Stops listening and closes any connection still open. */
    @Override
    void close();
}
