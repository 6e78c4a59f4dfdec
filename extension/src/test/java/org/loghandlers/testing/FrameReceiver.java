package org.loghandlers.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A TCP peer on loopback that reads frames of a 4-byte big-endian length and a payload, as Python's socket
 * receivers do, and keeps each payload whole; it can be stopped and started again on the same port.
 */
public final class FrameReceiver implements AutoCloseable {

    private final List<byte[]> frames = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile int port;
    private volatile ServerSocket server;
    private volatile boolean reading = true;

    /** Starts on a free port. */
    public static FrameReceiver start() throws IOException {
        FrameReceiver receiver = new FrameReceiver();
        receiver.listen(0);
        return receiver;
    }

    public int port() {
        return port;
    }

    /** Stops reading (the kernel buffers fill up, so writers block), without closing anything. */
    public void stall() {
        reading = false;
    }

    /**
     * Closes the listening socket and every connection, and waits until the threads blocked on them have returned
     * (the JDK closes a socket that a thread is blocked on only when that thread wakes): the peer is gone.
     */
    public void stop() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
        connections.clear();
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    /** Listens again on the same port. */
    public void restart() throws IOException {
        listen(port);
    }

    private void listen(int wanted) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
        server = socket;
        port = socket.getLocalPort();
        start(new Thread(() -> accept(socket), "frame-receiver-accept"));
    }

    private void start(Thread thread) {
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void accept(ServerSocket socket) {
        try {
            while (true) {
                Socket connection = socket.accept();
                connections.add(connection);
                start(new Thread(() -> read(connection), "frame-receiver-read"));
            }
        } catch (IOException closed) {
            // stop() closed the listening socket.
        }
    }

    private void read(Socket connection) {
        try (DataInputStream in = new DataInputStream(connection.getInputStream())) {
            while (true) {
                while (!reading && !connection.isClosed()) {
                    Thread.sleep(10);
                }
                int length = in.readInt();
                byte[] payload = new byte[length];
                in.readFully(payload);
                frames.add(payload);
            }
        } catch (EOFException | InterruptedException end) {
            // The writer closed the connection.
        } catch (IOException closed) {
            // stop() closed it.
        }
    }

    public List<byte[]> frames() {
        return List.copyOf(frames);
    }

    /** Waits up to ten seconds until the frames received satisfy {@code condition}; returns them. */
    public List<byte[]> awaitFrames(Predicate<List<byte[]>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.test(frames()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return frames();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
