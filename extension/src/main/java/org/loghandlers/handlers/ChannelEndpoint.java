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
 * writing both wait no longer than their deadlines. Between writes the channel's selector watches for input, so
 * that finding out whether the peer closed costs one non-blocking {@code selectNow}, and a read only when there is
 * something to read.
 */
final class ChannelEndpoint implements StreamEndpoint {

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final ByteBuffer discarded = ByteBuffer.allocateDirect(512);

    private ChannelEndpoint(SocketChannel channel, Selector selector, SelectionKey key) {
        this.channel = channel;
        this.selector = selector;
        this.key = key;
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
            return new ChannelEndpoint(channel, selector, channel.register(selector, SelectionKey.OP_READ));
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, selector);
            throw e;
        }
    }

    @Override
    public void write(ByteBuffer bytes, long deadlineNanos) throws IOException {
        while (bytes.hasRemaining()) {
            if (channel.write(bytes) == 0) {
                key.interestOps(SelectionKey.OP_WRITE);
                try {
                    await(selector, deadlineNanos, "writing");
                } finally {
                    if (key.isValid()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
            }
        }
    }

    @Override
    public boolean closedByPeer() {
        try {
            if (selector.selectNow() == 0) {
                return false;
            }
            selector.selectedKeys().clear();
            int read;
            do {
                discarded.clear();
                read = channel.read(discarded);
            } while (read > 0);
            return read < 0;
        } catch (IOException | RuntimeException e) {
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
