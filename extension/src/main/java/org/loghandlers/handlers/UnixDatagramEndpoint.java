package org.loghandlers.handlers;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A connected Unix datagram socket on junixsocket, non-blocking, so a receiver whose queue is full (a stuck syslog
 * daemon) costs at most the write timeout. Each write is one datagram. A send that fails reconnects to the path
 * and sends once more, as Python does when the daemon was restarted and its socket made anew. Only
 * {@link UnixDatagrams} refers to this class, after checking that junixsocket is there.
 */
final class UnixDatagramEndpoint implements StreamEndpoint {

    private final Path path;
    private AFUNIXDatagramChannel channel;
    private Selector selector;

    private UnixDatagramEndpoint(Path path) {
        this.path = path;
    }

    static UnixDatagramEndpoint connect(Path path) throws IOException {
        if (!AFUNIXSocket.isSupported()) {
            throw new IOException("junixsocket cannot load its native library on this platform");
        }
        UnixDatagramEndpoint endpoint = new UnixDatagramEndpoint(path);
        endpoint.open();
        return endpoint;
    }

    private void open() throws IOException {
        AFUNIXDatagramChannel opened = AFUNIXDatagramChannel.open();
        try {
            opened.connect(AFUNIXSocketAddress.of(path));
            opened.configureBlocking(false);
            Selector openedSelector = opened.provider().openSelector();
            opened.register(openedSelector, SelectionKey.OP_WRITE);
            channel = opened;
            selector = openedSelector;
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    @Override
    public void write(ByteBuffer bytes, long deadlineNanos) throws IOException {
        try {
            sendBy(bytes, deadlineNanos);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            close();
            open();
            sendBy(bytes, deadlineNanos);
        }
    }

    private void sendBy(ByteBuffer bytes, long deadlineNanos) throws IOException {
        while (channel.write(bytes) == 0) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("timed out sending to unix " + path + ": its queue stays full");
            }
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            selector.selectedKeys().clear();
        }
    }

    /** A datagram socket has no connection for the peer to close; a restarted peer shows at the next send. */
    @Override
    public boolean closedByPeer() {
        return false;
    }

    @Override
    public void close() {
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException ignored) {
            // Nothing more can be released.
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // As above.
        }
    }
}
