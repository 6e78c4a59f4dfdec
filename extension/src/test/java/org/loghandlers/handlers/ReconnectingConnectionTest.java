package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.FrameReceiver;
import org.loghandlers.testing.TogetherThreads;

/** The connection the stream-based network handlers share, against a real TCP peer on loopback. */
class ReconnectingConnectionTest {

    private final NullHandler owner = new NullHandler();
    private final CountingErrorManager errors = new CountingErrorManager();
    private FrameReceiver receiver;
    private ReconnectingConnection connection;

    private ReconnectingConnection connectTo(int port, long retryStartMillis) {
        owner.setErrorManager(errors);
        InetSocketAddress address = InetSocketAddress.createUnresolved("127.0.0.1", port);
        connection = new ReconnectingConnection(owner, "tcp 127.0.0.1:" + port,
                timeout -> ChannelEndpoint.connect(address, timeout), new Backoff(retryStartMillis, 2.0, 30_000), 1000, 500);
        return connection;
    }

    private static ByteBuffer frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip();
    }

    private static List<String> texts(List<byte[]> frames) {
        List<String> texts = new ArrayList<>();
        frames.forEach(frame -> texts.add(new String(frame, StandardCharsets.UTF_8)));
        return texts;
    }

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void framesArriveWholeAndInOrder() throws Exception {
        receiver = FrameReceiver.start();
        connectTo(receiver.port(), 1000);
        for (int i = 0; i < 100; i++) {
            assertTrue(connection.send(frame("record " + i)));
        }
        List<byte[]> frames = receiver.awaitFrames(f -> f.size() == 100);
        assertEquals(100, frames.size());
        assertEquals("record 0", texts(frames).get(0));
        assertEquals("record 99", texts(frames).get(99));
        assertEquals(0, errors.count());
    }

    @Test
    void aBatchGoesOutAtFlush() throws Exception {
        receiver = FrameReceiver.start();
        connectTo(receiver.port(), 1000);
        for (int i = 0; i < 5000; i++) {
            connection.append(frame("batched record number " + i));
        }
        assertTrue(connection.flush());
        assertEquals(5000, receiver.awaitFrames(f -> f.size() == 5000).size());
    }

    @Test
    void anOutageIsReportedOnceAndTheHandlerReconnectsWhenThePeerIsBack() throws Exception {
        receiver = FrameReceiver.start();
        connectTo(receiver.port(), 200);
        assertTrue(connection.send(frame("before")));
        receiver.awaitFrames(f -> f.size() == 1);
        receiver.stop();
        for (int i = 0; i < 50; i++) {
            connection.send(frame("while down " + i));
        }
        assertEquals(1, errors.count(), () -> errors.reports().toString() + " lost " + connection.lostRecords()
                + " connected " + connection.isConnected());
        assertTrue(connection.lostRecords() >= 49, "lost " + connection.lostRecords());
        receiver.restart();
        Thread.sleep(1000);
        assertTrue(connection.send(frame("after")));
        assertTrue(texts(receiver.awaitFrames(f -> texts(f).contains("after"))).contains("after"));
        assertEquals(1, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void aPeerThatClosedTheConnectionIsNoticedBeforeTheNextRecordIsLost() throws Exception {
        receiver = FrameReceiver.start();
        connectTo(receiver.port(), 5000);
        assertTrue(connection.send(frame("first")));
        receiver.awaitFrames(f -> f.size() == 1);
        receiver.stop();
        receiver.restart();
        Thread.sleep(200);
        assertTrue(connection.send(frame("second")));
        assertEquals(List.of("first", "second"), texts(receiver.awaitFrames(f -> f.size() == 2)));
        assertEquals(0, connection.lostRecords());
    }

    @Test
    void aPeerThatStopsReadingCostsAtMostTheWriteTimeout() throws Exception {
        receiver = FrameReceiver.start();
        connectTo(receiver.port(), 60_000);
        receiver.stall();
        ByteBuffer big = ByteBuffer.allocate(1 << 20);
        long start = System.nanoTime();
        boolean sent = true;
        for (int i = 0; i < 512 && sent; i++) {
            big.clear().putInt(big.capacity() - 4).position(big.capacity()).flip();
            sent = connection.send(big);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertFalse(sent, "a peer that never reads cannot take 512 MiB");
        assertTrue(millis < 5_000, "took " + millis + " ms with a write timeout of 500 ms");
        assertEquals(1, errors.count());
        start = System.nanoTime();
        assertFalse(connection.send(frame("in backoff")));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 100, "a record in backoff waits");
    }

    @Test
    void eightThreadsNeverInterleaveTheirFrames() throws Exception {
        receiver = FrameReceiver.start();
        connectTo(receiver.port(), 1000);
        int threads = 8;
        int each = 2000;
        TogetherThreads.run(threads, id -> {
            for (int i = 0; i < each; i++) {
                String text = ("thread " + id + " record " + i + " ").repeat(1 + i % 40);
                if (i % 3 == 0) {
                    connection.append(frame(text));
                } else {
                    connection.send(frame(text));
                }
            }
            connection.flush();
        });
        List<String> received = texts(receiver.awaitFrames(f -> f.size() == threads * each));
        Set<String> distinct = new HashSet<>(received);
        assertEquals(threads * each, received.size());
        assertEquals(threads * each, distinct.size());
        for (String text : received) {
            String unit = text.substring(0, text.indexOf(' ', text.indexOf("record ") + 7) + 1);
            assertEquals(unit.repeat(text.length() / unit.length()), text);
        }
    }

    @Test
    void refusedConnectionsAreRetriedOnPythonsBackoff() {
        Backoff backoff = RetryOptions.PYTHON.backoff();
        long now = 0;
        assertTrue(backoff.mayAttempt(now));
        long[] expected = {1, 2, 4, 8, 16, 30, 30};
        for (long seconds : expected) {
            backoff.failed(now);
            assertEquals(seconds * 1000, backoff.periodMillis());
            assertFalse(backoff.mayAttempt(now + seconds * 1_000_000_000 - 1));
            now += seconds * 1_000_000_000;
            assertTrue(backoff.mayAttempt(now));
        }
        backoff.succeeded();
        backoff.failed(now);
        assertEquals(1000, backoff.periodMillis());
    }
}
