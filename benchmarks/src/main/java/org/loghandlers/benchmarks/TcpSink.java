package org.loghandlers.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP {@link Sink}: accepts any number of connections (a sender that reconnects opens another) and reads each on
 * a thread of its own through a 256 KiB buffer, counting its records with {@link StreamFrames}.
 */
final class TcpSink implements Sink {

    private static final int BUFFER = 256 * 1024;
    private static final long QUIET_NANOS = Duration.ofMillis(300).toNanos();

    private final Wire wire;
    private final ServerSocketChannel server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile String acceptFailure;

    TcpSink(Wire wire) throws IOException {
        this.wire = wire;
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::acceptConnections, "tcp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Override
    public int port() {
        return ((InetSocketAddress) server.socket().getLocalSocketAddress()).getPort();
    }

    private void acceptConnections() {
        try {
            while (true) {
                Connection connection = new Connection(server.accept(), new StreamFrames(wire),
                        connections.size() + 1);
                connections.add(connection);
                connection.reader.start();
            }
        } catch (ClosedChannelException closed) {
            // the sink was closed
        } catch (IOException e) {
            acceptFailure = "the sink could not accept a connection: " + e;
        }
    }

    @Override
    public Reception awaitReception(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastChange = System.nanoTime();
        long seenRecords = -1;
        int seenConnections = -1;
        boolean settled = false;
        while (System.nanoTime() < deadline) {
            long records = records();
            int opened = connections.size();
            boolean allEnded = connections.stream().noneMatch(connection -> connection.reader.isAlive());
            if (records != seenRecords || opened != seenConnections) {
                seenRecords = records;
                seenConnections = opened;
                lastChange = System.nanoTime();
            }
            // a connection the sender made may still wait in the backlog: only a quiet sink has seen them all
            if (allEnded && (opened > 0 && records >= expected || System.nanoTime() - lastChange >= QUIET_NANOS)) {
                settled = true;
                break;
            }
            Thread.sleep(20);
        }
        String error = acceptFailure;
        for (Connection connection : connections) {
            if (error == null && connection.frames.error() != null) {
                error = "connection " + connection.number + ": " + connection.frames.error();
            }
            if (error == null && connection.failure != null) {
                error = "connection " + connection.number + ": " + connection.failure;
            }
        }
        FirstRecord first = connections.isEmpty() ? new FirstRecord() : connections.get(0).frames.first();
        return new Reception(records(), error, first, settled);
    }

    long records() {
        long records = 0;
        for (Connection connection : connections) {
            records += connection.frames.records();
        }
        return records;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Connection connection : connections) {
            connection.close();
        }
    }

    /** One accepted connection and the thread that reads it to its end. */
    private static final class Connection {

        final SocketChannel channel;
        final StreamFrames frames;
        final int number;
        final Thread reader;
        volatile String failure;

        Connection(SocketChannel channel, StreamFrames frames, int number) {
            this.channel = channel;
            this.frames = frames;
            this.number = number;
            this.reader = new Thread(this::read, "tcp-sink-read-" + number);
            reader.setDaemon(true);
        }

        private void read() {
            byte[] bytes = new byte[BUFFER];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            try {
                int n;
                while ((n = channel.read(buffer)) >= 0) {
                    frames.accept(bytes, 0, n);
                    buffer.clear();
                }
                frames.end();
            } catch (ClosedChannelException closed) {
                // the sink was closed before the sender
            } catch (IOException e) {
                failure = "reading failed: " + e;
            } finally {
                close();
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
