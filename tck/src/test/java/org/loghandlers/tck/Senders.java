package org.loghandlers.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * What a sender outside the server does to a socket receiver: CPython 3.13's SocketHandler frame (the golden frame
 * of the reference), JSON lines as JsonFormatter writes them; and the port a test chooses for a receiver.
 */
final class Senders {

    /** CPython 3.13's frame of {@code LogRecord("tcp", ERROR, ..., "hello %s", ("w\u00f6rld",))}, process 1234. */
    static final byte[] GOLDEN_FRAME = goldenFrame();
    /** The line the golden frame becomes under {@link #LINE_FORMAT}. */
    static final String GOLDEN_LINE = "tcp ERROR 1234 MainThread hello w\u00f6rld";
    /** A Python format naming the values a sender gives: logger, level, process, thread, message. */
    static final String LINE_FORMAT = "%(name)s %(levelname)s %(process)d %(threadName)s %(message)s";

    private Senders() {
    }

    private static byte[] goldenFrame() {
        try (InputStream in = Senders.class.getResourceAsStream("golden_socket_frame_py3.13.hex")) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.strip());
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON line as JsonFormatter writes it: a WARNING of logger {@code logger} from thread worker-7, pid 4321. */
    static byte[] jsonLine(String logger, String message) {
        return ("{\"timestamp\":\"2026-01-02T03:04:05.678Z\",\"level\":\"WARNING\",\"levelno\":30,\"logger\":\""
                + logger + "\",\"message\":\"" + message + "\",\"thread\":\"worker-7\",\"process\":4321}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What {@link #jsonLine} becomes under {@link #LINE_FORMAT}. */
    static String jsonLineAsWritten(String logger, String message) {
        return logger + " WARNING 4321 worker-7 " + message;
    }

    /** Connects to {@code port} on 127.0.0.1, writes {@code bytes} and closes. */
    static void send(int port, byte[] bytes) throws IOException {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write(bytes);
        }
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        return socket;
    }

    /** A port free on 127.0.0.1 now, for a receiver the test declares before the server binds it. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this process can listen on {@code port} of 127.0.0.1: no one else does. */
    static boolean canListenOn(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The lines of {@code file} once it has {@code count} lines containing {@code text}; fails after {@code timeout}. */
    static List<String> awaitLines(Path file, String text, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = LogFiles.linesContaining(file, text);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            lines = LogFiles.linesContaining(file, text);
        }
        if (lines.size() < count) {
            throw new AssertionError("waited " + timeout.toSeconds() + " s for " + count + " lines with '" + text
                    + "' in " + file + "; found: " + (Files.exists(file) ? lines : "no file"));
        }
        return lines;
    }
}
