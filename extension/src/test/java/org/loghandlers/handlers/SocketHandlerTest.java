package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.format.PythonRecordDict;
import org.loghandlers.handlers.wire.PickleWriter;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.FrameReceiver;
import org.loghandlers.testing.Python;
import org.loghandlers.testing.TogetherThreads;

/** SocketHandler against real receivers on loopback: TCP, a Unix socket, a peer that stops reading or accepting. */
class SocketHandlerTest {

    private final CountingErrorManager errors = new CountingErrorManager();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Logger logger;

    /** Keeps every frame it makes, so a test can compare what arrived with what was sent. */
    static final class KeepingSocketHandler extends SocketHandler {

        final ConcurrentLinkedQueue<byte[]> made = new ConcurrentLinkedQueue<>();

        KeepingSocketHandler(String host, int port) {
            super(host, port);
        }

        @Override
        protected byte[] makePickle(LogRecord record) {
            byte[] frame = super.makePickle(record);
            made.add(frame);
            return frame;
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    @AfterEach
    void closeAll() throws Exception {
        if (logger != null) {
            for (java.util.logging.Handler handler : logger.getHandlers()) {
                logger.removeHandler(handler);
            }
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private <H extends java.util.logging.Handler> H attach(H handler) {
        handler.setErrorManager(errors);
        logger = Logger.getLogger("socket.test." + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        closeLater(handler::close);
        return handler;
    }

    private SocketHandler socketTo(int port) {
        return attach(new SocketHandler("127.0.0.1", port));
    }

    private static List<String> payloads(List<byte[]> frames) {
        return frames.stream().map(frame -> Base64.getEncoder().encodeToString(frame)).sorted().toList();
    }

    private static List<String> withoutPrefix(Iterable<byte[]> frames) {
        List<byte[]> payloads = new ArrayList<>();
        frames.forEach(frame -> payloads.add(Arrays.copyOfRange(frame, 4, frame.length)));
        return payloads(payloads);
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.ISO_8859_1);
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Test
    void eachRecordArrivesAsALengthAndThePickleOfItsDictionary() throws Exception {
        FrameReceiver receiver = closeLater(FrameReceiver.start());
        SocketHandler handler = socketTo(receiver.port());
        LogRecord record = new LogRecord(Level.WARNING, "disk {0} at {1}%");
        record.setParameters(new Object[] {"sda", 93});
        record.setLoggerName("acme.disk");
        handler.publish(record);
        List<byte[]> frames = receiver.awaitFrames(f -> f.size() == 1);
        assertEquals(1, frames.size());
        assertEquals(payloads(List.of(PickleWriter.dumps(PythonRecordDict.merged(record, new SimpleFormatter())))),
                payloads(frames));
        assertTrue(text(frames.get(0)).contains("disk sda at 93%"), "the message is merged");
        assertEquals(0, handler.getLostRecordCount());
        assertEquals(0, errors.count());
    }

    @Test
    void nothingConnectsBeforeTheFirstRecord() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(300);
            socketTo(server.getLocalPort());
            assertThrows(java.net.SocketTimeoutException.class, server::accept);
            logger.info("now");
            server.setSoTimeout(5_000);
            try (Socket connection = server.accept()) {
                DataInputStream in = new DataInputStream(connection.getInputStream());
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                assertTrue(text(payload).contains("now"));
            }
        }
    }

    @Test
    void reconnectsAfterTheReceiverRestartsAndReportsTheOutageOnce() throws Exception {
        FrameReceiver receiver = closeLater(FrameReceiver.start());
        SocketHandler handler = socketTo(receiver.port());
        handler.setRetryStart("0.2");
        logger.info("before the outage");
        receiver.awaitFrames(f -> f.size() == 1);
        receiver.stop();
        for (int i = 0; i < 20; i++) {
            logger.info("while the receiver is down " + i);
        }
        assertEquals(20, handler.getLostRecordCount());
        receiver.restart();
        Thread.sleep(1_000);
        logger.info("after the restart");
        List<byte[]> frames = receiver.awaitFrames(f -> f.size() == 2);
        assertEquals(2, frames.size());
        assertTrue(text(frames.get(1)).contains("after the restart"));
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        assertTrue(errors.reports().get(0).message().contains("tcp 127.0.0.1:" + receiver.port()),
                errors.reports().get(0).message());
        logger.info("and on");
        assertEquals(3, receiver.awaitFrames(f -> f.size() == 3).size());
        assertEquals(20, handler.getLostRecordCount());
    }

    @Test
    void eightThreadsOnOneConnectionNeverSplitOrInterleaveARecord() throws Exception {
        FrameReceiver receiver = closeLater(FrameReceiver.start());
        KeepingSocketHandler handler = attach(new KeepingSocketHandler("127.0.0.1", receiver.port()));
        int threads = 8;
        int each = 1500;
        TogetherThreads.run(threads, id -> {
            for (int i = 0; i < each; i++) {
                logger.info(("thread " + id + " record " + i + " ").repeat(1 + i % 50));
            }
        });
        List<byte[]> frames = receiver.awaitFrames(f -> f.size() >= threads * each);
        assertEquals(threads * each, frames.size());
        assertEquals(withoutPrefix(handler.made), payloads(frames), "every frame arrived whole, once");
        assertEquals(0, handler.getLostRecordCount());
    }

    @Test
    void behindAQueueRecordsArriveWholeAndInOrder() throws Exception {
        FrameReceiver receiver = closeLater(FrameReceiver.start());
        SocketHandler socket = new SocketHandler("127.0.0.1", receiver.port());
        socket.setErrorManager(errors);
        closeLater(socket::close);
        QueueHandler queue = attach(new QueueHandler(socket));
        for (int i = 0; i < 5_000; i++) {
            logger.info("queued record " + i);
        }
        queue.close();
        List<byte[]> frames = receiver.awaitFrames(f -> f.size() == 5_000);
        assertEquals(5_000, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            String expected = "queued record " + i;
            assertTrue(text(frames.get(i)).contains("X" + (char) expected.length() + "\0\0\0" + expected),
                    "record " + i + " in order");
        }
        assertEquals(0, errors.count());
    }

    @Test
    void behindAQueueThePickleCarriesTheCallerWhateverTheFormatterPrints() throws Exception {
        FrameReceiver receiver = closeLater(FrameReceiver.start());
        SocketHandler socket = new SocketHandler("127.0.0.1", receiver.port());
        socket.setFormatter(new org.loghandlers.format.PythonFormatter("%(message)s"));
        closeLater(socket::close);
        QueueHandler queue = attach(new QueueHandler(socket));
        logger.info("who logged this?");
        queue.close();
        String payload = text(receiver.awaitFrames(f -> f.size() == 1).get(0));
        assertTrue(payload.contains("behindAQueueThePickleCarriesTheCallerWhateverTheFormatterPrints"), payload);
        assertTrue(payload.contains(SocketHandlerTest.class.getName()), payload);
    }

    @Test
    void aLoggingCallToAPeerThatNeverAcceptsReturnsWithinTheConnectTimeout() throws Exception {
        try (ServerSocketChannel full = ServerSocketChannel.open()) {
            full.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            List<SocketChannel> fillers = new ArrayList<>();
            try {
                fillBacklog(full, fillers);
                SocketHandler handler = socketTo(((InetSocketAddress) full.getLocalAddress()).getPort());
                handler.setConnectTimeout("300ms");
                long start = System.nanoTime();
                logger.severe("to a peer that never accepts");
                long took = millisSince(start);
                assertTrue(took >= 250 && took < 1_500, "took " + took + " ms with a connect timeout of 300 ms");
                assertEquals(1, handler.getLostRecordCount());
                assertEquals(1, errors.count());
                assertEquals(ErrorManager.OPEN_FAILURE, errors.reports().get(0).code());
                start = System.nanoTime();
                logger.severe("while the backoff waits");
                assertTrue(millisSince(start) < 100, "no new attempt before retryStart has passed");
                assertEquals(2, handler.getLostRecordCount());
                assertEquals(1, errors.count());
            } finally {
                for (SocketChannel filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    /** Connects until the kernel stops completing connections to {@code full}, which never accepts. */
    private static void fillBacklog(ServerSocketChannel full, List<SocketChannel> fillers) throws IOException {
        for (int i = 0; i < 64; i++) {
            SocketChannel filler = SocketChannel.open();
            fillers.add(filler);
            filler.configureBlocking(false);
            if (!filler.connect(full.getLocalAddress())) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                while (!filler.finishConnect() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                if (!filler.isConnected()) {
                    return;
                }
            }
        }
        throw new IllegalStateException("the listen backlog never filled up");
    }

    @Test
    void aLoggingCallToAPeerThatStopsReadingReturnsWithinTheWriteTimeout() throws Exception {
        FrameReceiver receiver = closeLater(FrameReceiver.start());
        receiver.stall();
        SocketHandler handler = socketTo(receiver.port());
        handler.setWriteTimeout("300ms");
        handler.setRetryStart("60");
        String big = "x".repeat(256 * 1024);
        long slowest = 0;
        for (int i = 0; i < 200 && handler.getLostRecordCount() == 0; i++) {
            long start = System.nanoTime();
            logger.info(big);
            slowest = Math.max(slowest, millisSince(start));
        }
        assertEquals(1, handler.getLostRecordCount(), "a receiver that never reads cannot take 50 MiB");
        assertTrue(slowest < 1_500, "the slowest call took " + slowest + " ms with a write timeout of 300 ms");
        assertEquals(1, errors.count());
        assertEquals(ErrorManager.WRITE_FAILURE, errors.reports().get(0).code());
    }

    @Test
    void aThreadWithItsInterruptFlagSetStillSendsAndKeepsTheFlag() throws Exception {
        FrameReceiver receiver = closeLater(FrameReceiver.start());
        socketTo(receiver.port());
        logger.info("first");
        Thread.currentThread().interrupt();
        try {
            logger.info("logged by an interrupted thread");
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        logger.info("after");
        List<byte[]> frames = receiver.awaitFrames(f -> f.size() == 3);
        assertEquals(3, frames.size());
        assertTrue(text(frames.get(1)).contains("logged by an interrupted thread"));
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void portZeroMakesHostTheUnixSocketPythonCallsPortNone(@TempDir Path dir) throws Exception {
        Path socketPath = dir.resolve("log.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socketPath));
            SocketHandler handler = attach(new SocketHandler(socketPath.toString(), 0));
            logger.warning("over a unix socket");
            try (SocketChannel connection = server.accept()) {
                DataInputStream in = new DataInputStream(Channels.newInputStream(connection));
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                assertTrue(text(payload).contains("over a unix socket"));
            }
            assertTrue(handler.toString().contains("unix " + socketPath), handler.toString());
        }
    }

    @Test
    void aNewPortTakesEffectWithTheNextRecord() throws Exception {
        FrameReceiver first = closeLater(FrameReceiver.start());
        FrameReceiver second = closeLater(FrameReceiver.start());
        SocketHandler handler = socketTo(first.port());
        logger.info("to the first");
        first.awaitFrames(f -> f.size() == 1);
        handler.setPort(second.port());
        logger.info("to the second");
        assertTrue(text(second.awaitFrames(f -> f.size() == 1).get(0)).contains("to the second"));
        assertEquals(1, first.frames().size());
        assertEquals(0, errors.count());
    }

    @Test
    void jsonFormatSendsOneJsonObjectPerLine(@TempDir Path dir) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread reader = new Thread(() -> {
                try (Socket connection = server.accept(); BufferedReader in = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // the handler closed the connection
                }
            });
            reader.start();
            SocketHandler handler = socketTo(server.getLocalPort());
            handler.setFormat("JSON");
            assertEquals("json", handler.getFormat());
            logger.info("first line");
            logger.log(Level.SEVERE, "with a\nnewline and \u00e9", new IllegalStateException("boom"));
            handler.close();
            reader.join(5_000);
        }
        assertEquals(2, lines.size(), lines.toString());
        Path file = dir.resolve("lines.json");
        Files.write(file, lines, StandardCharsets.UTF_8);
        String parsed = Python.run("""
                import json, sys
                for line in open(sys.argv[1], encoding='utf-8'):
                    record = json.loads(line)
                    print(record['logger'].startswith('socket.test.'), record['level'], repr(record['message']),
                          record.get('exception', {}).get('class'))
                """, dir, Map.of(), file.toString());
        assertEquals(List.of("True INFO 'first line' None",
                "True ERROR 'with a\\nnewline and \u00e9' java.lang.IllegalStateException"), parsed.lines().toList());
    }

    @Test
    void recordsAfterCloseAreIgnored() throws Exception {
        FrameReceiver receiver = closeLater(FrameReceiver.start());
        SocketHandler handler = socketTo(receiver.port());
        logger.info("before close");
        handler.close();
        handler.close();
        logger.info("after close");
        assertTrue(handler.isClosed());
        Thread.sleep(200);
        assertEquals(1, receiver.frames().size());
        assertEquals(0, handler.getLostRecordCount());
        assertEquals(0, errors.count());
    }

    @Test
    void badValuesAreRefusedInTheSetterNamingTheValueAndWhatIsAccepted() {
        SocketHandler handler = new SocketHandler();
        closeLater(handler::close);
        assertRefused(() -> handler.setPort(65536), "port: 65536 is out of range; expected 1 to 65535, or 0");
        assertRefused(() -> handler.setPort(-1), "port: -1 is out of range");
        assertRefused(() -> handler.setHost(" "), "host: ' ' is empty; expected a host name");
        assertRefused(() -> handler.setHost(null), "host: 'null' is empty");
        assertRefused(() -> handler.setRetryStart("-1"), "retryStart: '-1' is not a span of time; accepted: a"
                + " number of seconds (5, 0.5), a number with a unit ms, s, m or h (500ms, 2s, 1m) or an ISO-8601"
                + " duration (PT0.5S)");
        assertRefused(() -> handler.setRetryMax("2d"), "retryMax: '2d' is not a span of time");
        assertRefused(() -> handler.setRetryMax("25h"), "retryMax: '25h' is out of range; accepted: a number of"
                + " seconds (5, 0.5), a number with a unit ms, s, m or h (500ms, 2s, 1m) or an ISO-8601 duration"
                + " (PT0.5S), from 0s to 24h");
        assertRefused(() -> handler.setRetryFactor(0.5), "retryFactor: 0.5 is not a factor the wait can grow by;"
                + " accepted: a number of 1 or more");
        assertRefused(() -> handler.setConnectTimeout("0"), "connectTimeout: '0' is out of range; accepted: a number"
                + " of seconds (5, 0.5), a number with a unit ms, s, m or h (500ms, 2s, 1m) or an ISO-8601 duration"
                + " (PT0.5S), from 1ms to 24h");
        assertRefused(() -> handler.setWriteTimeout("soon"), "writeTimeout: 'soon' is not a span of time; accepted:");
        assertRefused(() -> handler.setFormat("xml"), "format: 'xml' is not a record format; expected pickle");
        assertEquals(SocketHandler.DEFAULT_TCP_LOGGING_PORT, handler.getPort());
        assertEquals("localhost", handler.getHost());
        assertEquals("pickle", handler.getFormat());
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable setter, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, setter);
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }

    @Test
    void optionsArePythonsNamesAsJavaBeanPropertiesWithPythonsDefaults() throws Exception {
        JavaBeanOptions.assertConfigurable(SocketHandler.class, "host", "port", "retryStart", "retryFactor",
                "retryMax", "connectTimeout", "writeTimeout", "format");
        SocketHandler handler = new SocketHandler();
        closeLater(handler::close);
        assertEquals("1s", handler.getRetryStart());
        assertEquals(2.0, handler.getRetryFactor());
        assertEquals("30s", handler.getRetryMax());
        assertEquals("1s", handler.getConnectTimeout());
        assertEquals("1s", handler.getWriteTimeout());
        handler.setConnectTimeout("PT0.25S");
        handler.setWriteTimeout("2");
        handler.setRetryStart("0.5");
        handler.setRetryMax("2m");
        assertEquals("250ms", handler.getConnectTimeout());
        assertEquals("2s", handler.getWriteTimeout(), "a bare number is seconds, as Python's timeouts");
        assertEquals("500ms", handler.getRetryStart());
        assertEquals("2m", handler.getRetryMax());
        assertFalse(handler.isClosed());
    }
}
