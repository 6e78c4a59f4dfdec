package org.loghandlers.tck;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A TCP receiver on loopback for the socket handler: reads frames of a 4-byte big-endian length and a payload, as
 * Python's receivers do, and keeps each payload as ISO-8859-1 text, so a test can look for the message in it.
 */
final class FrameListener implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> payloads = new CopyOnWriteArrayList<>();

    private FrameListener(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::accept, "tck-frame-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static FrameListener start() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new FrameListener(server);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (true) {
                Socket connection = server.accept();
                Thread reader = new Thread(() -> read(connection), "tck-frame-reader");
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException closed) {
            // close() ends the listener.
        }
    }

    private void read(Socket connection) {
        try (connection; DataInputStream in = new DataInputStream(connection.getInputStream())) {
            while (true) {
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                payloads.add(new String(payload, StandardCharsets.ISO_8859_1));
            }
        } catch (EOFException ended) {
            // The handler closed its connection.
        } catch (IOException closed) {
            // As above, abruptly.
        }
    }

    /** The first payload holding {@code text}, waiting up to ten seconds; null if none came. */
    String awaitPayloadWith(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            for (String payload : payloads) {
                if (payload.contains(text)) {
                    return payload;
                }
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
