package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.format.JsonFormatter;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.handlers.FileHandler;
import org.loghandlers.testing.CountingErrorManager;

/**
 * The socket receiver against real TCP senders on loopback writing frames by hand: broken frames close only their
 * own connection with one report, JSON lines arrive, a stop delivers what was received, and the loop runs as a chain
 * of short tasks on an executor.
 */
class SocketReceiverTest {

    @TempDir
    Path work;

    private final CountingErrorManager errors = new CountingErrorManager();
    private final List<Socket> clients = new ArrayList<>();
    private SocketReceiver receiver;

    private SocketReceiver receiver(java.util.logging.Handler... handlers) {
        receiver = new SocketReceiver("127.0.0.1", 0);
        receiver.setName("central");
        receiver.setErrorManager(errors);
        receiver.setHandlers(handlers);
        return receiver;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), receiver.getLocalPort());
        socket.setSoTimeout(10_000);
        clients.add(socket);
        return socket;
    }

    @AfterEach
    void tearDown() throws IOException {
        if (receiver != null) {
            receiver.stop();
        }
        for (Socket client : clients) {
            client.close();
        }
    }

    private void awaitReports(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (errors.count() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(count, errors.count(), () -> errors.reports().toString());
    }

    private static void assertClosedByTheReceiver(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        assertEquals(-1, in.read(), "the receiver closed this connection");
    }

    @Test
    void aTruncatedFrameAndAnOversizeLengthCloseOnlyTheirOwnConnectionsWithOneReportEach() throws Exception {
        RecordCollector collector = new RecordCollector();
        receiver(collector).setMaxFrame(1000);
        receiver.start();
        Socket steady = connect();
        steady.getOutputStream().write(GoldenFrame.frame());
        collector.await(1);

        Socket truncated = connect();
        truncated.getOutputStream().write(GoldenFrame.frame(), 0, 200);
        truncated.shutdownOutput();
        awaitReports(1);
        assertTrue(errors.reports().get(0).message().matches("receiver central on 127\\.0\\.0\\.1:\\d+: the"
                + " connection from 127\\.0\\.0\\.1:\\d+ ended in the middle of a frame \\(a truncated record\\) after"
                + " 0 record\\(s\\)"), errors.reports().get(0).message());
        assertClosedByTheReceiver(truncated);

        Socket oversize = connect();
        oversize.getOutputStream().write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, '}'});
        awaitReports(2);
        CountingErrorManager.Report report = errors.reports().get(1);
        assertEquals(ErrorManager.FORMAT_FAILURE, report.code());
        assertTrue(report.message().endsWith("after 0 record(s): a frame of 2147483647 bytes announced, over the"
                + " limit of 1000 (max-frame)"), report.message());
        assertClosedByTheReceiver(oversize);

        Socket malformed = connect();
        malformed.getOutputStream().write(new byte[] {0, 0, 0, 3, 'N', 'N', '.'});
        awaitReports(3);
        assertTrue(errors.reports().get(2).message().endsWith("not a record: the frame holds a NoneType, not a"
                + " dict"), errors.reports().get(2).message());
        assertClosedByTheReceiver(malformed);

        steady.getOutputStream().write(GoldenFrame.frame());
        assertEquals(2, collector.await(2).size(), "the first sender is still served");
        assertEquals(3, errors.count());
    }

    @Test
    void jsonLinesAsTheJsonFormatterWritesThemArriveAndABadLineClosesOnlyItsConnection() throws Exception {
        RecordCollector collector = new RecordCollector();
        receiver(collector).setFormat("json");
        receiver.start();
        JsonFormatter json = new JsonFormatter();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            LogRecord record = new LogRecord(i == 1 ? Level.WARNING : Level.INFO, "event {0}");
            record.setParameters(new Object[] {i});
            record.setLoggerName("java.app");
            if (i == 2) {
                record.setThrown(new IllegalStateException("broken"));
            }
            lines.append(json.format(record)).append('\n');
        }
        Socket good = connect();
        OutputStream out = good.getOutputStream();
        out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        List<LogRecord> received = collector.await(3);
        assertEquals(List.of("event 0", "event 1", "event 2"), received.stream().map(LogRecord::getMessage).toList());
        assertEquals(Level.WARNING, received.get(1).getLevel());
        assertEquals("java.app", received.get(0).getLoggerName());
        assertTrue(((RemoteTraceback) received.get(2).getThrown()).getText()
                .startsWith("java.lang.IllegalStateException: broken"));

        Socket bad = connect();
        bad.getOutputStream().write("{\"message\": oops}\n".getBytes(StandardCharsets.UTF_8));
        awaitReports(1);
        assertTrue(errors.reports().get(0).message().endsWith("malformed JSON at offset 12: unexpected character"
                + " 'o'"), errors.reports().get(0).message());
        assertClosedByTheReceiver(bad);
        out.write("{\"message\":\"after\"}\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("after", collector.await(4).get(3).getMessage());
    }

    @Test
    void stopDeliversEveryRecordItHadReceivedIntoTheFile() throws Exception {
        Path file = work.resolve("central.log");
        FileHandler central = new FileHandler(file.toString());
        central.setFormatter(new PythonFormatter("%(message)s"));
        receiver(central).start();
        Socket sender = connect();
        byte[] frame = GoldenFrame.frame();
        byte[] batch = new byte[frame.length * 1000];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(frame, 0, batch, i * frame.length, frame.length);
        }
        OutputStream out = sender.getOutputStream();
        for (int i = 0; i < 20; i++) {
            out.write(batch);
        }
        out.flush();
        long deliveredAtStop = receiver.getDeliveredCount();
        receiver.stop();
        central.close();
        assertEquals(20_000, Files.readAllLines(file, StandardCharsets.UTF_8).size(),
                "delivered when stop was called: " + deliveredAtStop);
        assertEquals(20_000, receiver.getDeliveredCount());
        assertEquals(0, errors.count(), () -> errors.reports().toString());
        assertClosedByTheReceiver(sender);
    }

    @Test
    void onAnExecutorTheLoopRunsAsAChainOfTasksOfAboutASecondAndKeepsServing() throws Exception {
        RecordCollector collector = new RecordCollector();
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicInteger tasks = new AtomicInteger();
        AtomicLong longestTaskNanos = new AtomicLong();
        java.util.concurrent.Executor counting = task -> pool.execute(() -> {
            tasks.incrementAndGet();
            long started = System.nanoTime();
            try {
                task.run();
            } finally {
                longestTaskNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
            }
        });
        try {
            receiver(collector).start(counting);
            Socket sender = connect();
            for (int i = 1; i <= 14; i++) {
                sender.getOutputStream().write(GoldenFrame.frame());
                Thread.sleep(250);
            }
            assertEquals(14, collector.await(14).size());
            assertTrue(tasks.get() >= 3, "tasks run: " + tasks.get());
            receiver.stop();
            assertTrue(longestTaskNanos.get() < TimeUnit.MILLISECONDS.toNanos(1500),
                    "longest task: " + TimeUnit.NANOSECONDS.toMillis(longestTaskNanos.get()) + " ms");
            assertTrue(collector.threads().stream().allMatch(name -> name.startsWith("pool-")),
                    collector.threads()::toString);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutAnExecutorItRunsOnItsOwnNamedDaemonThread() throws Exception {
        RecordCollector collector = new RecordCollector();
        receiver(collector).start();
        connect().getOutputStream().write(GoldenFrame.frame());
        collector.await(1);
        assertEquals(List.of("loghandlers-receiver-central (daemon)"), collector.threads());
    }

    @Test
    void aPortInUseFailsTheStartNamingTheAddressAndTheReceiverCanStartAgain() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            SocketReceiver busy = new SocketReceiver("127.0.0.1", taken.getLocalPort());
            IOException failure = assertThrows(IOException.class, busy::start);
            assertTrue(failure.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
                    failure.getMessage());
            busy.setPort(0);
            busy.start();
            assertTrue(busy.getLocalPort() > 0);
            assertEquals("SocketReceiver SocketReceiver on 127.0.0.1:" + busy.getLocalPort() + " (python)",
                    busy.toString());
            busy.stop();
        }
    }

    @Test
    void optionsRefuseBadValuesNamingTheValueAndWhatIsAccepted() {
        SocketReceiver options = new SocketReceiver();
        assertEquals("localhost", options.getHost());
        assertEquals(9020, options.getPort());
        assertEquals("python", options.getFormat());
        assertEquals(1024 * 1024, options.getMaxFrame());
        assertEquals(1024, options.getMaxConnections());
        assertEquals("port: 70000 is out of range; accepted: 0 to 65535",
                assertThrows(IllegalArgumentException.class, () -> options.setPort(70000)).getMessage());
        assertEquals("format: 'xml' is not a record format; accepted: python (the pickled records of Python's"
                + " SocketHandler) or json (JSON lines, as JsonFormatter writes them)",
                assertThrows(IllegalArgumentException.class, () -> options.setFormat("xml")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.setMaxFrame(0)).getMessage()
                .startsWith("maxFrame: 0 is out of range; accepted: 1 to "));
        assertEquals("maxConnections: 0 is not positive; accepted: 1 or more",
                assertThrows(IllegalArgumentException.class, () -> options.setMaxConnections(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.setHost(" ")).getMessage()
                .startsWith("host: ' ' is empty; accepted:"));
        options.setFormat(" JSON ");
        assertEquals("json", options.getFormat());
    }

    @Test
    void connectionsOverMaxConnectionsAreClosedWithOneReportUntilOneLeaves() throws Exception {
        RecordCollector collector = new RecordCollector();
        receiver(collector).setMaxConnections(2);
        receiver.start();
        Socket first = connect();
        Socket second = connect();
        first.getOutputStream().write(GoldenFrame.frame());
        second.getOutputStream().write(GoldenFrame.frame());
        collector.await(2);
        Socket third = connect();
        assertClosedByTheReceiver(third);
        assertClosedByTheReceiver(connect());
        awaitReports(1);
        assertTrue(errors.reports().get(0).message().endsWith(": 2 senders are connected (max-connections);"
                + " closing new connections until one leaves"), errors.reports().get(0).message());
        first.close();
        Thread.sleep(200);
        Socket later = connect();
        later.getOutputStream().write(GoldenFrame.frame());
        assertEquals(3, collector.await(3).size());
        assertEquals(1, errors.count());
    }
}
