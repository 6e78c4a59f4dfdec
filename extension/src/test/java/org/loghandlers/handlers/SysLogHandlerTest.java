package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.options.Durations;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.PlainJvm;

/**
 * SysLogHandler's options and its behaviour on plain loopback sockets: Python's exact bytes (CPython's own
 * {@code SysLogHandlerTest} cases), what failures cost and how they are reported, and that a logging call is bounded
 * by the timeout. {@link SysLogHandlerRsyslogTest} checks what a real syslog daemon makes of our messages.
 */
class SysLogHandlerTest {

    @TempDir
    Path dir;

    private final CountingErrorManager errors = new CountingErrorManager();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private SysLogHandler handler(Consumer<SysLogHandler> options) {
        SysLogHandler handler = new SysLogHandler();
        handler.setErrorManager(errors);
        options.accept(handler);
        toClose.add(handler::close);
        return handler;
    }

    private DatagramSocket udpReceiver() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(5000);
        toClose.add(socket);
        return socket;
    }

    private static byte[] receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[70_000], 70_000);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("syslog.test");
        return record;
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theDefaultsArePythonsButForTheAddress() {
        SysLogHandler handler = new SysLogHandler();
        assertEquals("/dev/log", handler.getAddress());
        assertEquals("user", handler.getFacility());
        assertEquals("", handler.getSocktype());
        assertEquals("", handler.getIdent());
        assertTrue(handler.isAppendNul());
        assertEquals("python", handler.getProtocol());
        assertEquals("none", handler.getFraming());
        assertEquals(0, handler.getMaxLength());
        assertFalse(handler.isSecure());
        assertEquals("1s", handler.getTimeout());
        assertEquals("1s", handler.getRetryStart());
        assertEquals(2.0, handler.getRetryFactor());
        assertEquals("30s", handler.getRetryMax());
    }

    @Test
    void theOptionsAreJavaBeanPropertiesWithOneSetterEach() throws Exception {
        JavaBeanOptions.assertConfigurable(SysLogHandler.class, "address", "facility", "socktype", "ident",
                "appendNul", "protocol", "framing", "hostname", "appName", "procid", "msgid", "structuredDataId",
                "maxLength", "secure", "trustStore", "trustStoreType", "timeout", "retryStart", "retryFactor",
                "retryMax");
    }

    /** CPython's SysLogHandlerTest.test_output, on UDP. */
    @Test
    void sendsPythonsBytesOverUdp() throws Exception {
        DatagramSocket receiver = udpReceiver();
        SysLogHandler handler = handler(h -> h.setAddress("127.0.0.1:" + receiver.getLocalPort()));
        handler.publish(record(Level.SEVERE, "sp\u00e4m"));
        assertArrayEquals(latin1("<11>sp\u00c3\u00a4m\0"), receive(receiver));
        handler.setAppendNul(false);
        handler.publish(record(Level.SEVERE, "sp\u00e4m"));
        assertArrayEquals(latin1("<11>sp\u00c3\u00a4m"), receive(receiver));
        handler.setIdent("h\u00e4m-");
        handler.publish(record(Level.SEVERE, "sp\u00e4m"));
        assertArrayEquals(latin1("<11>h\u00c3\u00a4m-sp\u00c3\u00a4m"), receive(receiver));
        assertEquals(0, errors.count());
    }

    @Test
    void aRecordLoggedWhileAnotherIsFormattedGoesOutWholeAndSoDoesTheOther() throws Exception {
        DatagramSocket receiver = udpReceiver();
        SysLogHandler handler = handler(h -> {
            h.setAddress("127.0.0.1:" + receiver.getLocalPort());
            h.setProtocol("rfc5424");
            h.setHostname("box");
            h.setAppName("app");
            h.setProcid("7");
        });
        Object loggingParameter = new Object() {
            @Override
            public String toString() {
                handler.publish(record(Level.WARNING, "nested r\u00e9cord"));
                return "parameter";
            }
        };
        LogRecord outer = record(Level.SEVERE, "outer {0} \u20ac");
        outer.setParameters(new Object[] {loggingParameter});
        handler.publish(outer);
        String nested = new String(receive(receiver), StandardCharsets.UTF_8);
        String sent = new String(receive(receiver), StandardCharsets.UTF_8);
        assertTrue(nested.startsWith("<12>1 ") && nested.endsWith(" box app 7 - - nested r\u00e9cord"), nested);
        assertTrue(sent.startsWith("<11>1 ") && sent.endsWith(" box app 7 - - outer parameter \u20ac"), sent);
        assertEquals(0, errors.count());
    }

    /** CPython's SysLogHandlerTest.test_udp_reconnection: a record after close() still goes out. */
    @Test
    void aRecordAfterCloseIsStillDeliveredAsInPython() throws Exception {
        DatagramSocket receiver = udpReceiver();
        SysLogHandler handler = handler(h -> h.setAddress("127.0.0.1:" + receiver.getLocalPort()));
        handler.publish(record(Level.SEVERE, "sp\u00e4m"));
        receive(receiver);
        handler.close();
        handler.publish(record(Level.SEVERE, "sp\u00e4m"));
        assertArrayEquals(latin1("<11>sp\u00c3\u00a4m\0"), receive(receiver));
    }

    @Test
    void theDefaultFormatAppendsTheTracebackAsPythonsFormatterDoes() throws Exception {
        DatagramSocket receiver = udpReceiver();
        SysLogHandler handler = handler(h -> h.setAddress("127.0.0.1:" + receiver.getLocalPort()));
        LogRecord record = record(Level.SEVERE, "boom");
        record.setThrown(new IllegalStateException("bad state"));
        handler.publish(record);
        String sent = new String(receive(receiver), StandardCharsets.UTF_8);
        assertTrue(sent.startsWith("<11>boom\n"), sent);
        assertTrue(sent.contains("IllegalStateException: bad state"), sent);
        assertTrue(sent.endsWith("\0"), sent);
    }

    @Test
    void aJulFormattersFinalNewlineIsLeftOut() throws Exception {
        DatagramSocket receiver = udpReceiver();
        SysLogHandler handler = handler(h -> h.setAddress("127.0.0.1:" + receiver.getLocalPort()));
        handler.setFormatter(new java.util.logging.SimpleFormatter() {
            @Override
            public String format(LogRecord record) {
                return record.getLevel() + " " + record.getMessage() + System.lineSeparator();
            }
        });
        handler.publish(record(Level.INFO, "hello"));
        assertArrayEquals(latin1("<14>INFO hello\0"), receive(receiver));
    }

    @Test
    void levelAndFilterApplyToPublishAndOnlyTheFilterToHandle() throws Exception {
        DatagramSocket receiver = udpReceiver();
        SysLogHandler handler = handler(h -> h.setAddress("127.0.0.1:" + receiver.getLocalPort()));
        handler.setLevel(Level.WARNING);
        handler.setFilter(r -> !r.getMessage().contains("secret"));
        handler.publish(record(Level.INFO, "below the level"));
        handler.publish(record(Level.SEVERE, "a secret"));
        handler.handle(record(Level.INFO, "handled whatever its level"));
        assertArrayEquals(latin1("<14>handled whatever its level\0"), receive(receiver));
    }

    @Test
    void udpSendFailuresAreReportedOncePerOutageAndCounted() throws Exception {
        DatagramSocket receiver = udpReceiver();
        SysLogHandler handler = handler(h -> h.setAddress("127.0.0.1:" + receiver.getLocalPort()));
        String tooLarge = "x".repeat(70_000);
        for (int i = 0; i < 3; i++) {
            handler.publish(record(Level.SEVERE, tooLarge));
        }
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        assertTrue(errors.reports().get(0).message().contains("70005-byte datagram to udp 127.0.0.1:"),
                errors.reports().get(0).message());
        assertEquals(ErrorManager.WRITE_FAILURE, errors.reports().get(0).code());
        handler.publish(record(Level.SEVERE, "fits"));
        assertArrayEquals(latin1("<11>fits\0"), receive(receiver));
        handler.publish(record(Level.SEVERE, tooLarge));
        assertEquals(2, errors.count(), "a new outage after a success is reported again");
        assertEquals(4, handler.getLostRecordCount());
    }

    @Test
    void maxLengthKeepsALargeRecordWithinADatagram() throws Exception {
        DatagramSocket receiver = udpReceiver();
        SysLogHandler handler = handler(h -> {
            h.setAddress("127.0.0.1:" + receiver.getLocalPort());
            h.setMaxLength(2048);
        });
        handler.publish(record(Level.SEVERE, "\u00e9".repeat(40_000)));
        byte[] sent = receive(receiver);
        assertEquals(2047, sent.length, "<11> and 1021 two-byte characters, then the NUL, as 2048 would split one");
        assertEquals(0, sent[sent.length - 1]);
        assertEquals(0, errors.count());
    }

    @Test
    void aTcpDaemonThatIsNotListeningIsReportedOnceAndNeverThrows() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SysLogHandler handler = handler(h -> {
            h.setAddress("127.0.0.1:" + port);
            h.setSocktype("tcp");
        });
        for (int i = 0; i < 10; i++) {
            handler.publish(record(Level.SEVERE, "nobody listens"));
        }
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        assertEquals(ErrorManager.OPEN_FAILURE, errors.reports().get(0).code());
        assertTrue(errors.reports().get(0).message().contains("connecting to tcp 127.0.0.1:" + port),
                errors.reports().get(0).message());
        assertEquals(10, handler.getLostRecordCount());
    }

    @Test
    void aDaemonThatStopsReadingCostsALoggingCallAtMostTheTimeout() throws Exception {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        toClose.add(server);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket socket = server.accept();
                    socket.setReceiveBufferSize(4096);
                    accepted.add(socket);
                }
            } catch (IOException closed) {
                // The test is over.
            }
        });
        acceptor.start();
        toClose.add(() -> accepted.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }));
        SysLogHandler handler = handler(h -> {
            h.setAddress("127.0.0.1:" + server.getLocalPort());
            h.setSocktype("tcp");
            h.setTimeout("0.3");
        });
        String large = "y".repeat(256 * 1024);
        long slowest = 0;
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            handler.publish(record(Level.SEVERE, large));
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        assertTrue(TimeUnit.NANOSECONDS.toMillis(slowest) < 1300, "slowest call " + slowest / 1_000_000 + " ms");
        assertTrue(handler.getLostRecordCount() > 0, "a daemon that never reads cannot take 10 MB");
        assertFalse(errors.reports().isEmpty());
        for (CountingErrorManager.Report report : errors.reports()) {
            assertTrue(report.message().contains("writing to tcp 127.0.0.1:"), report.message());
        }
    }

    @Test
    void behindAQueueTcpRecordsGoOutInBatchesAndAllArrive() throws Exception {
        OctetCountedReceiver receiver = new OctetCountedReceiver();
        toClose.add(receiver);
        SysLogHandler syslog = handler(h -> {
            h.setAddress("127.0.0.1:" + receiver.port());
            h.setSocktype("tcp");
            h.setProtocol("rfc5424");
        });
        QueueHandler queue = new QueueHandler(syslog);
        toClose.add(queue::close);
        Logger logger = Logger.getLogger("syslog.queued." + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.addHandler(queue);
        for (int i = 0; i < 2000; i++) {
            logger.info("queued " + i);
        }
        List<String> messages = receiver.await(2000);
        assertEquals(2000, messages.size());
        for (int i = 0; i < 2000; i++) {
            assertTrue(messages.get(i).endsWith(" - queued " + i), messages.get(i));
            assertTrue(messages.get(i).startsWith("<14>1 "), messages.get(i));
        }
        logger.removeHandler(queue);
    }

    @Test
    void aMissingUnixSocketIsReportedOnceNamingIt() {
        Path missing = dir.resolve("no-daemon.sock");
        SysLogHandler handler = handler(h -> h.setAddress(missing.toString()));
        for (int i = 0; i < 3; i++) {
            handler.publish(record(Level.SEVERE, "lost"));
        }
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        assertTrue(errors.reports().get(0).message().contains("unix " + missing), errors.reports().get(0).message());
        assertEquals(3, handler.getLostRecordCount());
    }

    @Test
    void aWrongTrustStorePasswordIsReportedWithoutThePassword() throws Exception {
        Path store = dir.resolve("trust.p12");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            keyStore.store(out, "right-password".toCharArray());
        }
        String wrong = "wrong-password-4711";
        SysLogHandler handler = handler(h -> {
            h.setAddress("127.0.0.1:6514");
            h.setSecure(true);
            h.setTrustStore(store.toString());
            h.setTrustStorePassword(wrong);
        });
        handler.publish(record(Level.SEVERE, "never sent"));
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        String message = errors.reports().get(0).message();
        assertTrue(message.contains("loading the trust store " + store + " (PKCS12) failed"), message);
        assertFalse(message.contains(wrong), message);
        assertFalse(String.valueOf(errors.reports().get(0).cause()).contains(wrong));
        assertFalse(handler.toString().contains(wrong), handler.toString());
        assertEquals("<SysLogHandler tls 127.0.0.1:6514 python (ALL)>", handler.toString());
    }

    private static IllegalArgumentException refused(Runnable setter) {
        return assertThrows(IllegalArgumentException.class, setter::run);
    }

    @Test
    void badValuesFailInTheSetterNamingTheValueAndWhatIsAccepted() {
        SysLogHandler handler = new SysLogHandler();
        assertTrue(refused(() -> handler.setFacility("locl0")).getMessage()
                .matches("facility: 'locl0' is not a syslog facility; expected one of kern, user, .*, local7 or a"
                        + " number 0 to 23; did you mean local0\\?"));
        assertEquals("address: 'localhost' has no port and no / (a Unix socket path); expected host:port (an IPv6"
                + " address in brackets, such as [::1]:514; port 1 to 65535) or the path of a Unix socket (any value"
                + " with a /, such as /dev/log)", refused(() -> handler.setAddress("localhost")).getMessage());
        assertTrue(refused(() -> handler.setAddress("localhost:70000")).getMessage()
                .startsWith("address: 'localhost:70000' has port '70000', which is not 1 to 65535;"));
        assertTrue(refused(() -> handler.setAddress("localhost:0")).getMessage().contains("port '0'"));
        assertTrue(refused(() -> handler.setAddress("::1:514")).getMessage().contains("put an IPv6 address in"
                + " brackets"));
        assertTrue(refused(() -> handler.setAddress(":514")).getMessage().contains("has no host name"));
        assertEquals("socktype: 'sctp' is not a socket type; expected udp (Python's SOCK_DGRAM), tcp (SOCK_STREAM),"
                + " or nothing for Python's default", refused(() -> handler.setSocktype("sctp")).getMessage());
        assertEquals("protocol: 'rfc5425' is not a syslog protocol; expected python, rfc3164 or rfc5424",
                refused(() -> handler.setProtocol("rfc5425")).getMessage());
        assertTrue(refused(() -> handler.setFraming("crlf")).getMessage().startsWith("framing: 'crlf'"));
        assertTrue(refused(() -> handler.setAppName("my app")).getMessage().startsWith("appName: 'my app'"));
        assertTrue(refused(() -> handler.setMsgid("m".repeat(33))).getMessage().startsWith("msgid: '"));
        assertTrue(refused(() -> handler.setStructuredDataId("a b")).getMessage()
                .startsWith("structuredDataId: 'a b' is not an RFC 5424 SD-ID"));
        assertTrue(refused(() -> handler.setMaxLength(-1)).getMessage().startsWith("maxLength: -1 is negative"));
        assertTrue(refused(() -> handler.setTimeout("0")).getMessage()
                .startsWith("timeout: '0' is out of range; accepted: " + Durations.ACCEPTED + ", from 1ms to 24h"));
        assertTrue(refused(() -> handler.setRetryStart("soon")).getMessage()
                .startsWith("retryStart: 'soon' is not a span of time; accepted: " + Durations.ACCEPTED));
        assertTrue(refused(() -> handler.setRetryFactor(0.5)).getMessage().startsWith("retryFactor: 0.5"));
        assertTrue(refused(() -> handler.setTrustStore(dir.resolve("none.p12").toString())).getMessage()
                .startsWith("trustStore: '" + dir.resolve("none.p12") + "' is not a readable file"));
        assertTrue(refused(() -> handler.setTrustStoreType("PEM")).getMessage()
                .startsWith("trustStoreType: 'PEM' is not a key store type"));
        assertEquals("encoding: 'ISO-8859-1' is not UTF-8; syslog messages are always UTF-8, as Python sends them",
                refused(() -> {
                    try {
                        handler.setEncoding("ISO-8859-1");
                    } catch (java.io.UnsupportedEncodingException e) {
                        throw new AssertionError(e);
                    }
                }).getMessage());
    }

    @Test
    void tlsNeedsAHostAndTcpWhicheverOptionComesLast() {
        SysLogHandler unix = new SysLogHandler();
        assertTrue(refused(() -> unix.setSecure(true)).getMessage().contains("the Unix socket /dev/log"));
        SysLogHandler secure = new SysLogHandler();
        secure.setAddress("127.0.0.1:6514");
        secure.setSecure(true);
        assertTrue(refused(() -> secure.setSocktype("udp")).getMessage().startsWith("socktype: 'udp' cannot carry"
                + " TLS"));
        assertTrue(refused(() -> secure.setAddress("/dev/log")).getMessage().startsWith("address: '/dev/log' is a"
                + " Unix socket, but secure=true"));
        SysLogHandler udp = new SysLogHandler();
        udp.setAddress("127.0.0.1:514");
        udp.setSocktype("udp");
        assertTrue(refused(() -> udp.setSecure(true)).getMessage().contains("socktype is udp"));
    }

    @Test
    void facilitiesAreAcceptedByNameAndNumber() {
        SysLogHandler handler = new SysLogHandler();
        handler.setFacility("LOCAL3");
        assertEquals("local3", handler.getFacility());
        handler.setFacility("4");
        assertEquals("auth", handler.getFacility());
        handler.setAddress("[::1]:514");
        assertEquals("[::1]:514", handler.getAddress());
    }

    @Test
    void theJdksLoggingPropertiesConfigureItInAPlainJvm() throws Exception {
        DatagramSocket receiver = udpReceiver();
        String handler = SysLogHandler.class.getName();
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, """
                app.handlers=%1$s
                app.useParentHandlers=false
                %1$s.address=127.0.0.1:%2$d
                %1$s.facility=local1
                %1$s.ident=app:\\u0020
                %1$s.level=INFO
                """.formatted(handler, receiver.getLocalPort()), StandardCharsets.UTF_8);
        PlainJvm.Output output = PlainJvm.run(dir, List.of("java.util.logging.config.file=" + config), "app", "2",
                "0");
        assertArrayEquals(latin1("<142>app: record 00\0"), receive(receiver), "local1 (17) and INFO (6)");
        assertArrayEquals(latin1("<140>app: record 01\0"), receive(receiver), "local1 and WARNING (4)");
        assertEquals("", output.stderr());
    }

    /** A TCP peer that reads RFC 6587 octet-counted messages. */
    private static final class OctetCountedReceiver implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final Thread reader = new Thread(this::read);

        OctetCountedReceiver() throws IOException {
            reader.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void read() {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                DataInputStream data = new DataInputStream(in);
                while (true) {
                    int length = 0;
                    int b;
                    while ((b = data.read()) != ' ') {
                        if (b < 0) {
                            return;
                        }
                        length = length * 10 + (b - '0');
                    }
                    byte[] message = new byte[length];
                    data.readFully(message);
                    messages.add(new String(message, StandardCharsets.UTF_8));
                }
            } catch (IOException closed) {
                // The test is over.
            }
        }

        List<String> await(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (messages.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return List.copyOf(messages);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
