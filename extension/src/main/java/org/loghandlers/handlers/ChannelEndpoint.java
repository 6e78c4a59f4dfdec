package org.loghandlers.handlers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * A plain TCP or Unix-domain stream connection on a non-blocking {@link SocketChannel}, so that connecting and
 * writing both wait no longer than their deadlines.
 */
final class ChannelEndpoint implements StreamEndpoint {

    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer discarded = ByteBuffer.allocate(512);

    private ChannelEndpoint(SocketChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    /** Connects to a TCP address (resolved at each attempt) or a Unix socket path within the timeout. */
    static ChannelEndpoint connect(SocketAddress address, int timeoutMillis) throws IOException {
        SocketAddress target = address instanceof InetSocketAddress inet && inet.isUnresolved()
                ? new InetSocketAddress(inet.getHostString(), inet.getPort()) : address;
        SocketChannel channel = target instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            if (!channel.connect(target)) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
                while (!channel.finishConnect()) {
                    await(selector, deadline, "connecting to " + address);
                }
            }
            channel.register(selector, 0);
            return new ChannelEndpoint(channel, selector);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, selector);
            throw e;
        }
    }

    @Override
    public void write(ByteBuffer bytes, long deadlineNanos) throws IOException {
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                channel.keyFor(selector).interestOps(SelectionKey.OP_WRITE);
                await(selector, deadlineNanos, "writing");
            }
        }
    }

    @Override
    public boolean closedByPeer() {
        try {
            int read;
            do {
                discarded.clear();
                read = channel.read(discarded);
            } while (read > 0);
            return read < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static void await(Selector selector, long deadlineNanos, String what) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("timed out " + what);
        }
        // A select returns at once while the thread's interrupt flag is set, so an interrupted thread (code that
        // catches InterruptedException and logs) would spin until the deadline; the flag is put back afterwards.
        boolean interrupted = Thread.interrupted();
        try {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        selector.selectedKeys().clear();
    }

    @Override
    public void close() {
        closeQuietly(channel, selector);
    }

    private static void closeQuietly(SocketChannel channel, Selector selector) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more can be done with a connection that fails to close.
        }
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException ignored) {
                // As above.
            }
        }
    }
}
