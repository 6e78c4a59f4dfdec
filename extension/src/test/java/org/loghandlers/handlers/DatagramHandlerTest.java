package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.CountingErrorManager;

/** DatagramHandler against a real UDP receiver on loopback. */
class DatagramHandlerTest {

    private final CountingErrorManager errors = new CountingErrorManager();
    private DatagramSocket receiver;
    private DatagramHandler handler;

    /** Keeps every frame it makes, so a test can compare what arrived with what was sent. */
    static final class KeepingDatagramHandler extends DatagramHandler {

        final ConcurrentLinkedQueue<byte[]> made = new ConcurrentLinkedQueue<>();

        KeepingDatagramHandler(String host, int port) {
            super(host, port);
        }

        @Override
        protected byte[] makePickle(LogRecord record) {
            byte[] frame = super.makePickle(record);
            made.add(frame);
            return frame;
        }
    }

    @BeforeEach
    void listen() throws IOException {
        receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver.setSoTimeout(5_000);
    }

    @AfterEach
    void close() {
        if (handler != null) {
            handler.close();
        }
        receiver.close();
    }

    private <H extends DatagramHandler> H sendingTo(H datagrams) {
        datagrams.setErrorManager(errors);
        handler = datagrams;
        return datagrams;
    }

    private byte[] receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        receiver.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName("udp.test");
        record.setInstant(Instant.ofEpochSecond(1_700_000_000L));
        return record;
    }

    @Test
    void aPlainHandlerSendsEachRecordsFrameDirectlyAndBehindAQueue() throws IOException {
        DatagramHandler datagrams = sendingTo(new DatagramHandler("127.0.0.1", receiver.getLocalPort()));
        LogRecord first = record("first \u00e9");
        datagrams.publish(first);
        assertArrayEquals(RecordFormat.pickleFrame(first, null), receive());
        QueueHandler queue = new QueueHandler(datagrams);
        try {
            for (int i = 0; i < 20; i++) {
                queue.publish(record("queued " + i));
            }
        } finally {
            queue.close();
        }
        for (int i = 0; i < 20; i++) {
            byte[] queued = receive();
            String text = new String(queued, StandardCharsets.ISO_8859_1);
            assertTrue(text.contains("queued " + i + "q"), text); // q: the memo opcode that follows a str
            assertEquals(queued.length - 4, ((queued[0] & 0xff) << 24) | ((queued[1] & 0xff) << 16)
                    | ((queued[2] & 0xff) << 8) | (queued[3] & 0xff));
        }
        assertEquals(0, errors.count());
    }

    @Test
    void eachRecordIsOneDatagramHoldingTheLengthPrefixedFrame() throws IOException {
        KeepingDatagramHandler datagrams = sendingTo(new KeepingDatagramHandler("127.0.0.1", receiver.getLocalPort()));
        datagrams.publish(record("first"));
        datagrams.publish(record("second"));
        byte[] first = receive();
        byte[] second = receive();
        List<byte[]> made = List.copyOf(datagrams.made);
        assertArrayEquals(made.get(0), first);
        assertArrayEquals(made.get(1), second);
        assertEquals(first.length - 4, ((first[0] & 0xff) << 24) | ((first[1] & 0xff) << 16)
                | ((first[2] & 0xff) << 8) | (first[3] & 0xff), "the length prefix is sent, as Python sends it");
        assertEquals('}', first[4]);
        assertTrue(new String(second, StandardCharsets.ISO_8859_1).contains("second"));
        assertEquals(0, datagrams.getLostRecordCount());
        assertEquals(0, errors.count());
    }

    @Test
    void aRecordTooLargeForADatagramIsReportedAndCountedNeverCut() throws IOException {
        DatagramHandler datagrams = sendingTo(new DatagramHandler("127.0.0.1", receiver.getLocalPort()));
        int overhead = RecordFormat.pickleFrame(record(""), null).length;
        String largest = "x".repeat(DatagramHandler.MAX_IPV4_PAYLOAD - overhead);
        assertEquals(DatagramHandler.MAX_IPV4_PAYLOAD, RecordFormat.pickleFrame(record(largest), null).length);

        datagrams.publish(record(largest));
        assertEquals(DatagramHandler.MAX_IPV4_PAYLOAD, receive().length, "the largest datagram UDP allows is sent");
        datagrams.publish(record(largest + "x"));
        datagrams.publish(record("small after"));
        assertTrue(new String(receive(), StandardCharsets.ISO_8859_1).contains("small after"),
                "nothing of the oversized record arrived");
        assertEquals(1, datagrams.getLostRecordCount());
        assertEquals(1, datagrams.getOversizedRecordCount());
        assertEquals(1, errors.count());
        String report = errors.reports().get(0).message();
        assertTrue(report.contains("a record of 65508 bytes is larger than the 65507 bytes a UDP datagram can carry"),
                report);
        receiver.setSoTimeout(200);
        assertThrows(SocketTimeoutException.class, this::receive);
    }

    @Test
    void jsonFormatSendsOneJsonLinePerDatagram() throws IOException {
        DatagramHandler datagrams = sendingTo(new DatagramHandler("127.0.0.1", receiver.getLocalPort()));
        datagrams.setFormat("json");
        datagrams.publish(record("as json"));
        String datagram = new String(receive(), StandardCharsets.UTF_8);
        assertTrue(datagram.startsWith("{\"timestamp\":\""), datagram);
        assertTrue(datagram.endsWith("}\n"), datagram);
        assertTrue(datagram.contains("\"message\":\"as json\""), datagram);
        assertEquals(1, datagram.lines().count());
    }

    @Test
    void aThreadWithItsInterruptFlagSetStillSendsAndKeepsTheFlag() throws IOException {
        DatagramHandler datagrams = sendingTo(new DatagramHandler("127.0.0.1", receiver.getLocalPort()));
        Thread.currentThread().interrupt();
        try {
            datagrams.publish(record("interrupted"));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
        datagrams.publish(record("after"));
        assertTrue(new String(receive(), StandardCharsets.ISO_8859_1).contains("interrupted"));
        assertTrue(new String(receive(), StandardCharsets.ISO_8859_1).contains("after"));
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void recordsAfterCloseAreIgnored() throws IOException {
        DatagramHandler datagrams = sendingTo(new DatagramHandler("127.0.0.1", receiver.getLocalPort()));
        datagrams.publish(record("before close"));
        datagrams.close();
        datagrams.publish(record("after close"));
        assertTrue(new String(receive(), StandardCharsets.ISO_8859_1).contains("before close"));
        receiver.setSoTimeout(200);
        assertThrows(SocketTimeoutException.class, this::receive);
        assertEquals(0, errors.count());
    }

    @Test
    void badValuesAreRefusedInTheSetterNamingTheValueAndWhatIsAccepted() {
        DatagramHandler datagrams = sendingTo(new DatagramHandler());
        IllegalArgumentException unix = assertThrows(IllegalArgumentException.class, () -> datagrams.setPort(0));
        assertEquals("port: 0 is out of range; expected 1 to 65535 (Unix datagram sockets, Python's port=None, are"
                + " not available in the JDK)", unix.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> datagrams.setPort(65536)).getMessage()
                .startsWith("port: 65536 is out of range"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> datagrams.setHost("")).getMessage()
                .startsWith("host: '' is empty; expected a host name or an IP address"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> datagrams.setFormat("protobuf")).getMessage()
                .startsWith("format: 'protobuf' is not a record format; expected pickle"));
        assertEquals(DatagramHandler.DEFAULT_UDP_LOGGING_PORT, datagrams.getPort());
        assertEquals("localhost", datagrams.getHost());
    }

    @Test
    void optionsArePythonsNamesAsJavaBeanProperties() throws Exception {
        JavaBeanOptions.assertConfigurable(DatagramHandler.class, "host", "port", "format");
    }
}
