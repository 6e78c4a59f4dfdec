package org.loghandlers.handlers;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * A TLS client connection (RFC 5425 syslog, or any TLS peer) on a non-blocking {@link SocketChannel} driven by an
 * {@link SSLEngine}, so that connecting, the handshake and every write wait no longer than their deadlines, which
 * a blocking {@code SSLSocket} cannot promise for writes. The server's certificate must be trusted by the given
 * context and name the host connected to (HTTPS-style host name check, IP addresses included).
 */
final class TlsEndpoint implements StreamEndpoint {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final Selector selector;
    private final SSLEngine engine;
    private ByteBuffer netOut;
    private ByteBuffer netIn;
    private ByteBuffer appIn;

    private TlsEndpoint(SocketChannel channel, Selector selector, SSLEngine engine) {
        this.channel = channel;
        this.selector = selector;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netOut = ByteBuffer.allocate(packet);
        this.netIn = ByteBuffer.allocate(packet);
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /** Connects to {@code address} (resolved now) and completes the handshake within {@code timeoutMillis}. */
    static TlsEndpoint connect(InetSocketAddress address, SSLContext context, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        InetSocketAddress target = new InetSocketAddress(address.getHostString(), address.getPort());
        SocketChannel channel = SocketChannel.open();
        Selector selector = null;
        try {
            channel.configureBlocking(false);
            selector = Selector.open();
            SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
            if (!channel.connect(target)) {
                while (!channel.finishConnect()) {
                    await(selector, key, SelectionKey.OP_CONNECT, deadline, "connecting to " + address);
                }
            }
            SSLEngine engine = context.createSSLEngine(address.getHostString(), address.getPort());
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            TlsEndpoint endpoint = new TlsEndpoint(channel, selector, engine);
            engine.beginHandshake();
            endpoint.handshake(deadline);
            key.interestOps(SelectionKey.OP_READ);
            return endpoint;
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    private void handshake(long deadline) throws IOException {
        HandshakeStatus status = engine.getHandshakeStatus();
        while (status != HandshakeStatus.FINISHED && status != HandshakeStatus.NOT_HANDSHAKING) {
            switch (status) {
                case NEED_WRAP:
                    status = wrap(EMPTY).getHandshakeStatus();
                    writeNetOut(deadline);
                    break;
                case NEED_UNWRAP:
                case NEED_UNWRAP_AGAIN:
                    status = unwrapWaiting(deadline).getHandshakeStatus();
                    break;
                case NEED_TASK:
                    status = runTasks();
                    break;
                default:
                    throw new SSLException("unexpected TLS handshake state " + status);
            }
        }
    }

    private HandshakeStatus runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        return engine.getHandshakeStatus();
    }

    /** Unwraps one TLS record, reading until a whole one is there or the deadline passes. */
    private SSLEngineResult unwrapWaiting(long deadline) throws IOException {
        while (true) {
            SSLEngineResult result = unwrap();
            if (result.getStatus() != SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new EOFException("the peer closed the TLS connection");
                }
                return result;
            }
            int read = channel.read(netIn);
            if (read < 0) {
                throw new EOFException("the peer closed the connection during the TLS handshake");
            }
            if (read == 0) {
                await(selector, channel.keyFor(selector), SelectionKey.OP_READ, deadline, "in the TLS handshake");
            }
        }
    }

    private SSLEngineResult unwrap() throws SSLException {
        netIn.flip();
        try {
            while (true) {
                SSLEngineResult result = engine.unwrap(netIn, appIn);
                switch (result.getStatus()) {
                    case BUFFER_OVERFLOW:
                        appIn = appIn.position() > 0 ? appIn.clear()
                                : ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
                        break;
                    case BUFFER_UNDERFLOW:
                        int packet = engine.getSession().getPacketBufferSize();
                        if (netIn.capacity() < packet) {
                            netIn = ByteBuffer.allocate(packet).put(netIn).flip();
                        }
                        return result;
                    default:
                        appIn.clear();
                        if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                            runTasks();
                        }
                        return result;
                }
            }
        } finally {
            netIn.compact();
        }
    }

    private SSLEngineResult wrap(ByteBuffer source) throws SSLException {
        while (true) {
            SSLEngineResult result = engine.wrap(source, netOut);
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                ByteBuffer larger = ByteBuffer.allocate(netOut.capacity() + engine.getSession().getPacketBufferSize());
                netOut.flip();
                netOut = larger.put(netOut);
                continue;
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("the TLS connection is closed");
            }
            if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                runTasks();
            }
            return result;
        }
    }

    private void writeNetOut(long deadline) throws IOException {
        netOut.flip();
        try {
            while (netOut.hasRemaining()) {
                if (channel.write(netOut) == 0) {
                    await(selector, channel.keyFor(selector), SelectionKey.OP_WRITE, deadline, "writing");
                }
            }
        } finally {
            netOut.compact();
        }
    }

    @Override
    public void write(ByteBuffer bytes, long deadlineNanos) throws IOException {
        while (bytes.hasRemaining()) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED) {
                handshake(deadlineNanos);
            }
            wrap(bytes);
            writeNetOut(deadlineNanos);
        }
    }

    /**
     * Reads what the peer sent (session tickets, an alert, its close) without waiting, and drops it; a
     * {@code selectNow} first, so that a read and an unwrap are tried only when there is input.
     */
    @Override
    public boolean closedByPeer() {
        try {
            if (netIn.position() == 0 && !engine.isInboundDone() && selector.selectNow() == 0) {
                return false;
            }
            selector.selectedKeys().clear();
            while (true) {
                int read = channel.read(netIn);
                if (read < 0 || engine.isInboundDone()) {
                    return true;
                }
                SSLEngineResult result;
                do {
                    result = unwrap();
                } while (result.getStatus() == SSLEngineResult.Status.OK && result.bytesConsumed() > 0
                        && netIn.position() > 0);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    return true;
                }
                if (read == 0) {
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static void await(Selector selector, SelectionKey key, int operation, long deadlineNanos, String what)
            throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("timed out " + what);
        }
        key.interestOps(operation);
        try {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } finally {
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }
        selector.selectedKeys().clear();
    }

    /** Sends a close_notify if it goes out at once, then closes the connection. */
    @Override
    public void close() {
        try {
            engine.closeOutbound();
            engine.wrap(EMPTY, netOut);
            netOut.flip();
            channel.write(netOut);
        } catch (IOException | RuntimeException ignored) {
            // The connection is being given up; the peer notices the close either way.
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more can be released.
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // As above.
        }
    }
}
