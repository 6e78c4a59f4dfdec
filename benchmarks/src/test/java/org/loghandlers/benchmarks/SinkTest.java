package org.loghandlers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The loopback sinks on real sockets: what a sender writes is what they count. */
class SinkTest {

    private static final byte[] RECORD = ("{\"message\":\"" + Workload.MESSAGE + "\"}").getBytes(StandardCharsets.UTF_8);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void theTcpSinkCountsTheFramesOfEveryConnectionOnceTheSendersClose() throws Exception {
        try (Sink sink = Sink.open(Wire.TCP_LENGTH_PREFIXED)) {
            send(sink.port(), StreamFramesTest.repeat(StreamFramesTest.lengthPrefixed(RECORD), 700));
            send(sink.port(), StreamFramesTest.repeat(StreamFramesTest.lengthPrefixed(RECORD), 300));

            Reception reception = sink.awaitReception(1000, WAIT);

            assertEquals(1000, reception.records());
            assertNull(reception.error());
            assertTrue(reception.settled());
            assertTrue(reception.first().contains(Workload.MESSAGE));
        }
    }

    @Test
    void theTcpSinkReportsAConnectionCutInsideARecord() throws Exception {
        try (Sink sink = Sink.open(Wire.TCP_LINES)) {
            byte[] lines = StreamFramesTest.repeat(StreamFramesTest.line(RECORD), 10);
            send(sink.port(), java.util.Arrays.copyOf(lines, lines.length - 3));

            Reception reception = sink.awaitReception(10, WAIT);

            assertEquals(9, reception.records());
            assertNotNull(reception.error());
        }
    }

    @Test
    void theUdpSinkCountsDatagramsAndChecksTheirLengthPrefix() throws Exception {
        try (Sink sink = Sink.open(Wire.UDP_LENGTH_PREFIXED);
                DatagramSocket socket = new DatagramSocket()) {
            byte[] datagram = StreamFramesTest.lengthPrefixed(RECORD);
            for (int i = 0; i < 100; i++) {
                socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(),
                        sink.port()));
                if (i % 10 == 9) {
                    Thread.sleep(1);
                }
            }

            Reception reception = sink.awaitReception(100, WAIT);

            assertEquals(100, reception.records());
            assertNull(reception.error());
            assertTrue(reception.first().contains(Workload.MESSAGE));
        }
    }

    @Test
    void theUdpSinkRejectsADatagramWhosePrefixIsNotItsLength() throws Exception {
        try (Sink sink = Sink.open(Wire.UDP_LENGTH_PREFIXED);
                DatagramSocket socket = new DatagramSocket()) {
            byte[] datagram = ByteBuffer.allocate(4 + RECORD.length).putInt(RECORD.length + 1).put(RECORD).array();
            socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), sink.port()));

            Reception reception = sink.awaitReception(1, WAIT);

            assertEquals(1, reception.records());
            assertNotNull(reception.error());
            assertTrue(reception.error().contains("length of the rest"), reception.error());
        }
    }

    @Test
    void theUdpSinkSettlesWhenDatagramsStopComing() throws Exception {
        try (Sink sink = Sink.open(Wire.UDP_DATAGRAM);
                DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(RECORD, RECORD.length, InetAddress.getLoopbackAddress(), sink.port()));

            long start = System.nanoTime();
            Reception reception = sink.awaitReception(2, WAIT);

            assertEquals(1, reception.records());
            assertTrue(reception.settled());
            assertTrue(System.nanoTime() - start < WAIT.toNanos() / 2, "waited for the timeout instead");
        }
    }

    @Test
    void theSinksAllocateNothingPerRecord() throws Exception {
        try (UdpSink sink = new UdpSink(Wire.UDP_LENGTH_PREFIXED);
                DatagramSocket socket = new DatagramSocket()) {
            byte[] datagram = StreamFramesTest.lengthPrefixed(RECORD);
            DatagramPacket packet = new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(),
                    sink.port());
            sendPaced(sink, socket, packet, 2_000);
            long before = allocatedBy("udp-sink");
            long received = sink.records();
            sendPaced(sink, socket, packet, 20_000);
            long perRecord = (allocatedBy("udp-sink") - before) / (sink.records() - received);

            assertEquals(0, perRecord, "bytes the UDP sink allocated per datagram");
        }
        try (TcpSink sink = new TcpSink(Wire.TCP_OCTET_COUNTING);
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port())) {
            byte[] frames = StreamFramesTest.repeat(StreamFramesTest.octetCounted(RECORD), 1_000);
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 2; i++) {
                out.write(frames);
            }
            awaitRecords(sink, 2_000);
            long before = allocatedBy("tcp-sink-read-1");
            for (int i = 0; i < 20; i++) {
                out.write(frames);
            }
            awaitRecords(sink, 22_000);

            assertEquals(0, (allocatedBy("tcp-sink-read-1") - before) / 20_000,
                    "bytes the TCP sink allocated per record");
        }
    }

    private static void awaitRecords(TcpSink sink, long records) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sink.records() < records && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(records, sink.records());
    }

    /** Sends {@code count} datagrams in bursts of 100, each once the sink has caught up with the last. */
    private static void sendPaced(UdpSink sink, DatagramSocket socket, DatagramPacket packet, int count)
            throws Exception {
        for (int sent = 0; sent < count; sent += 100) {
            long target = sink.records() + 100;
            for (int i = 0; i < 100; i++) {
                socket.send(packet);
            }
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (sink.records() < target && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
    }

    private static long allocatedBy(String threadName) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(threadName)) {
                return threads.getThreadAllocatedBytes(thread.getId());
            }
        }
        throw new IllegalStateException("no thread named " + threadName);
    }

    private static void send(int port, byte[] bytes) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                OutputStream out = socket.getOutputStream()) {
            for (int from = 0; from < bytes.length; from += 1000) {
                out.write(bytes, from, Math.min(1000, bytes.length - from));
            }
        }
    }
}
