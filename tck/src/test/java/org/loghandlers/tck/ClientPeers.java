package org.loghandlers.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import com.sun.net.httpserver.HttpServer;

/**
 * Receivers that run in the test client, outside the server, for the handlers of a deployment to send to: a web
 * server, a TCP listener that splits on NUL (syslog's framing by Python), a UDP socket, a handler that keeps records.
 * All on 127.0.0.1 and a port of the system's choosing.
 */
final class ClientPeers {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private ClientPeers() {
    }

    /** Waits up to 20 s for the first element of {@code items} that {@code matches}. */
    static <T> T await(List<T> items, Predicate<T> matches, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        do {
            for (T item : items) {
                if (matches.test(item)) {
                    return item;
                }
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no " + what + " in 20 s; got: " + items);
    }

    /** An application/x-www-form-urlencoded body as a map, in order. */
    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** The JDK's web server, answering 204 and keeping every request. */
    static final class Web implements AutoCloseable {

        /** Method and path with query, Content-Type, body. */
        record Request(String line, String contentType, String body) {
        }

        private final HttpServer server;
        final List<Request> requests = new CopyOnWriteArrayList<>();

        Web() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                try (exchange) {
                    requests.add(new Request(exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        Request await(Predicate<Request> matches) throws InterruptedException {
            return ClientPeers.await(requests, matches, "such request");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A TCP listener keeping each NUL-terminated message it reads, as UTF-8 text without the NUL. */
    static final class NulTerminatedMessages implements AutoCloseable {

        private final ServerSocket server;
        final List<String> messages = new CopyOnWriteArrayList<>();

        NulTerminatedMessages() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::accept, "tck-nul-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    Socket connection = server.accept();
                    Thread reader = new Thread(() -> read(connection), "tck-nul-reader");
                    reader.setDaemon(true);
                    reader.start();
                }
            } catch (IOException closed) {
                // close() ends the listener
            }
        }

        private void read(Socket connection) {
            try (connection; InputStream in = connection.getInputStream()) {
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                for (int b = in.read(); b >= 0; b = in.read()) {
                    if (b == 0) {
                        messages.add(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    } else {
                        message.write(b);
                    }
                }
            } catch (IOException ended) {
                // the sender went away
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** A UDP socket keeping the bytes of every datagram it receives. */
    static final class Datagrams implements AutoCloseable {

        private final DatagramSocket socket;
        final List<byte[]> received = new CopyOnWriteArrayList<>();

        Datagrams() {
            try {
                socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread reader = new Thread(this::read, "tck-datagrams");
            reader.setDaemon(true);
            reader.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void read() {
            byte[] buffer = new byte[65536];
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    received.add(Arrays.copyOfRange(buffer, packet.getOffset(), packet.getOffset()
                            + packet.getLength()));
                }
            } catch (IOException closed) {
                // close() ends it
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /** A handler for a receiver in the client: keeps what it is given. */
    static final class Kept extends Handler {

        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
