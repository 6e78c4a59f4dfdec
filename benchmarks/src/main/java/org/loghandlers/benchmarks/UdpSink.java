package org.loghandlers.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

/**
 * A UDP {@link Sink}: one thread receives every datagram into one direct buffer and counts it, checking that a
 * length-prefixed datagram's prefix gives the length of the rest. It asks for a 4 MiB receive buffer (Linux caps it
 * at {@code net.core.rmem_max}); a datagram that arrives when that buffer is full is dropped by the kernel, which is
 * the loss UDP allows and the check reports.
 */
final class UdpSink implements Sink {

    static final int RECEIVE_BUFFER = 4 << 20;
    private static final long QUIET_NANOS = Duration.ofMillis(300).toNanos();

    private final Wire wire;
    private final DatagramChannel channel;
    private final Thread receiver;
    private final FirstRecord first = new FirstRecord();
    private volatile long records;
    private volatile String error;

    UdpSink(Wire wire) throws IOException {
        this.wire = wire;
        channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver = new Thread(this::receive, "udp-sink");
        receiver.setDaemon(true);
        receiver.start();
    }

    @Override
    public int port() {
        return channel.socket().getLocalPort();
    }

    /** The datagrams received so far. */
    long records() {
        return records;
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_536);
        long count = 0;
        try {
            while (true) {
                buffer.clear();
                channel.receive(buffer);
                int length = buffer.position();
                if (error == null) {
                    check(buffer, length, count);
                }
                if (count == 0) {
                    byte[] kept = new byte[Math.min(length, FirstRecord.KEPT)];
                    buffer.get(0, kept);
                    first.add(kept, 0, kept.length);
                    first.end();
                }
                records = ++count;
            }
        } catch (ClosedChannelException closed) {
            // the sink was closed
        } catch (IOException e) {
            error = "receiving failed: " + e;
        }
    }

    private void check(ByteBuffer datagram, int length, long before) {
        if (length == 0) {
            error = "datagram " + (before + 1) + " is empty (" + wire + ")";
        } else if (wire == Wire.UDP_LENGTH_PREFIXED && (length < 4 || datagram.getInt(0) != length - 4)) {
            error = "datagram " + (before + 1) + " of " + length + " bytes does not start with the length of the"
                    + " rest (" + wire + ")";
        }
    }

    @Override
    public Reception awaitReception(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = records;
        long quietSince = System.nanoTime();
        boolean settled = false;
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            long now = records;
            if (now >= expected) {
                Thread.sleep(50);
                settled = true;
                break;
            }
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_NANOS) {
                settled = true;
                break;
            }
        }
        return new Reception(records, error, first, settled);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing
        }
        try {
            receiver.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
