package org.loghandlers.receivers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;

/**
 * Python's logging-cookbook socket receiver in Java: listens on TCP for what {@code logging.handlers.SocketHandler}
 * sends (each record a 4-byte big-endian length and a pickle of the record's attribute dict, protocol 0 to 5), or
 * for JSON lines as {@link org.loghandlers.format.JsonFormatter} writes them, and hands every record to its handlers
 * as a {@link ReceivedRecord} that keeps the sender's host (the peer's IP address), process and thread name.
 *
 * <p>Pickles are read by {@link org.loghandlers.receivers.wire.RestrictedUnpickler}, which accepts plain data only
 * and refuses any pickle that names a class or function; still, accept pickles only from senders you trust, and
 * prefer {@code format=json} across a trust boundary. A frame over {@code max-frame}, a malformed or refused frame,
 * or a connection closed in the middle of a frame closes that one connection with one report through the error
 * manager; other connections and the receiver go on.
 *
 * <p>All connections are served by one selector loop, the receiver's (see {@link Receiver}): no thread per
 * connection. Records are handed to the handlers on that loop, so a slow handler slows every sender (TCP pushes back;
 * nothing is dropped); put a {@code queue} handler in front of slow ones. Options are read at start.
 */
public class SocketReceiver extends Receiver {

    /** Python's {@code logging.handlers.DEFAULT_TCP_LOGGING_PORT}. */
    public static final int DEFAULT_TCP_LOGGING_PORT = 9020;
    /** The default {@code max-frame}: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME = 1024 * 1024;
    /** The default {@code max-connections}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;

    private static final int READ_BUFFER = 64 * 1024;
    private static final int READS_PER_CONNECTION_PER_ROUND = 4;
    private static final long DRAIN_QUIET_MILLIS = 100;
    private static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private volatile String host = "localhost";
    private volatile int port = DEFAULT_TCP_LOGGING_PORT;
    private volatile WireFormat format = WireFormat.PYTHON;
    private volatile int maxFrame = DEFAULT_MAX_FRAME;
    private volatile int maxConnections = DEFAULT_MAX_CONNECTIONS;

    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);
    private final List<Connection> connections = new ArrayList<>();
    private Selector selector;
    private ServerSocketChannel server;
    private volatile int localPort = -1;
    private volatile String boundAddress;
    private boolean overLimitReported;

    /** A receiver with Python's defaults: {@code localhost}, port 9020, pickles. */
    public SocketReceiver() {
    }

    /** Python's {@code LogRecordSocketReceiver(host, port)}. */
    public SocketReceiver(String host, int port) {
        setHost(host);
        setPort(port);
    }

    /** The address to listen on; default {@code localhost}. {@code 0.0.0.0} listens on every IPv4 interface. */
    public void setHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: '" + host + "' is empty; accepted: a host name or IP address"
                    + " of this machine, such as localhost or 0.0.0.0");
        }
        this.host = host.trim();
    }

    public String getHost() {
        return host;
    }

    /** The TCP port; default 9020 (Python's {@code DEFAULT_TCP_LOGGING_PORT}); 0 takes any free port. */
    public void setPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is out of range; accepted: 0 to 65535");
        }
        this.port = port;
    }

    public int getPort() {
        return port;
    }

    /** The port listened on once started (the one chosen when {@code port} is 0); -1 before. */
    public int getLocalPort() {
        return localPort;
    }

    /**
     * What senders send: {@code python} (default), Python's SocketHandler frames; {@code json}, one JSON object per
     * line, as {@link org.loghandlers.format.JsonFormatter} writes.
     */
    public void setFormat(String format) {
        this.format = WireFormat.parse(format);
    }

    public String getFormat() {
        return format.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The largest frame accepted, in bytes (a pickle without its length prefix, or a JSON line); default 1 MiB.
     * Accepts a size suffix in configuration ({@code 4m}).
     */
    public void setMaxFrame(long maxFrame) {
        if (maxFrame < 1 || maxFrame > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxFrame: " + maxFrame + " is out of range; accepted: 1 to "
                    + (Integer.MAX_VALUE - 8) + " bytes, such as 1m");
        }
        this.maxFrame = (int) maxFrame;
    }

    public long getMaxFrame() {
        return maxFrame;
    }

    /** How many senders may be connected at once; default 1024. A connection over it is closed at once. */
    public void setMaxConnections(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: " + maxConnections + " is not positive;"
                    + " accepted: 1 or more");
        }
        this.maxConnections = maxConnections;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    @Override
    public String toString() {
        String where = boundAddress != null ? boundAddress : host + ":" + port;
        return "SocketReceiver " + getName() + " on " + where + " (" + getFormat() + ")";
    }

    // ---- the hooks

    @Override
    protected void open() throws IOException {
        Selector newSelector = Selector.open();
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(host, port), 128);
            channel.configureBlocking(false);
            channel.register(newSelector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            channel.close();
            newSelector.close();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) channel.getLocalAddress();
        selector = newSelector;
        server = channel;
        localPort = bound.getPort();
        boundAddress = bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    @Override
    protected void receive(long maxNanos) throws IOException {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(maxNanos));
        try {
            selector.select(millis);
        } catch (ClosedSelectorException e) {
            return;
        }
        if (serveSelected()) {
            flushHandlers();
        }
    }

    @Override
    protected void wakeUp() {
        Selector current = selector;
        if (current != null) {
            current.wakeup();
        }
    }

    /**
     * Takes the connections still waiting to be accepted (a sender's connect has completed, and what it wrote is
     * in the kernel's buffers), stops listening, then keeps reading the open connections until none has sent
     * anything for 100 ms (at most 5 s), so that what senders wrote before the stop is delivered; then closes them,
     * reporting those that were closed in the middle of a frame.
     */
    @Override
    protected void finish() throws IOException {
        if (server == null) {
            return;
        }
        acceptAll();
        server.close();
        long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
        try {
            while (!connections.isEmpty() && System.nanoTime() < deadline) {
                if (selector.select(DRAIN_QUIET_MILLIS) == 0) {
                    break;
                }
                if (serveSelected()) {
                    flushHandlers();
                }
            }
        } finally {
            int midFrame = 0;
            for (Connection connection : connections) {
                if (connection.framer.isMidFrame()) {
                    midFrame++;
                }
                connection.closeQuietly();
            }
            connections.clear();
            selector.close();
            if (midFrame > 0) {
                reportError("receiver " + getName() + ": stopped with " + midFrame + " connection(s) in the middle of"
                        + " a frame; those partial records are lost", null, ErrorManager.CLOSE_FAILURE);
            }
        }
    }

    // ---- serving

    /** Accepts and reads what the last select found; whether any record was delivered. */
    private boolean serveSelected() {
        boolean delivered = false;
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key.isAcceptable()) {
                acceptAll();
            } else if (key.isReadable()) {
                delivered |= ((Connection) key.attachment()).read();
            }
        }
        return delivered;
    }

    private void acceptAll() {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                reportError("receiver " + getName() + " on " + boundAddress + " failed to accept a connection", e,
                        ErrorManager.OPEN_FAILURE);
                return;
            }
            if (channel == null) {
                return;
            }
            if (connections.size() >= maxConnections) {
                if (!overLimitReported) {
                    overLimitReported = true;
                    reportError("receiver " + getName() + " on " + boundAddress + ": " + maxConnections
                            + " senders are connected (max-connections); closing new connections until one leaves",
                            null, ErrorManager.OPEN_FAILURE);
                }
                closeQuietly(channel);
                continue;
            }
            try {
                channel.configureBlocking(false);
                Connection connection = new Connection(channel);
                connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
                connections.add(connection);
            } catch (IOException | RuntimeException e) {
                closeQuietly(channel);
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    /** One sender's connection: its channel and the frame in progress. */
    private final class Connection {

        final SocketChannel channel;
        final String peerHost;
        final String peer;
        final org.loghandlers.receivers.wire.StreamFramer framer;
        SelectionKey key;
        long records;
        boolean delivered;

        Connection(SocketChannel channel) throws IOException {
            this.channel = channel;
            SocketAddress remote = channel.getRemoteAddress();
            if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
                peerHost = inet.getAddress().getHostAddress();
                peer = peerHost + ":" + inet.getPort();
            } else {
                peerHost = String.valueOf(remote);
                peer = peerHost;
            }
            framer = format.framer(maxFrame);
        }

        /** Reads what is there (a few buffers at most, for fairness); whether a record was delivered. */
        boolean read() {
            delivered = false;
            try {
                for (int i = 0; i < READS_PER_CONNECTION_PER_ROUND; i++) {
                    readBuffer.clear();
                    int read = channel.read(readBuffer);
                    if (read < 0) {
                        closed(null);
                        break;
                    }
                    if (read == 0) {
                        break;
                    }
                    readBuffer.flip();
                    framer.feed(readBuffer, this::frame);
                }
            } catch (org.loghandlers.receivers.wire.WireFormatException e) {
                refuse(e.getMessage());
            } catch (IOException e) {
                closed(e);
            }
            return delivered;
        }

        private void frame(byte[] bytes, int offset, int length) throws org.loghandlers.receivers.wire.WireFormatException {
            ReceivedRecord record;
            try {
                record = format.decode(bytes, offset, length, peerHost);
            } catch (IllegalArgumentException e) {
                throw new org.loghandlers.receivers.wire.WireFormatException(e.getMessage());
            }
            deliver(record);
            records++;
            delivered = true;
        }

        private void refuse(String why) {
            reportError("receiver " + getName() + " on " + boundAddress + ": closed the connection from " + peer
                    + " after " + records + " record(s): " + why, null, ErrorManager.FORMAT_FAILURE);
            drop();
        }

        private void closed(IOException cause) {
            if (framer.isMidFrame()) {
                reportError("receiver " + getName() + " on " + boundAddress + ": the connection from " + peer
                        + " ended in the middle of a frame (a truncated record) after " + records + " record(s)",
                        cause, ErrorManager.FORMAT_FAILURE);
            }
            drop();
        }

        private void drop() {
            connections.remove(this);
            if (connections.size() < maxConnections) {
                overLimitReported = false;
            }
            closeQuietly();
        }

        void closeQuietly() {
            if (key != null) {
                key.cancel();
            }
            SocketReceiver.closeQuietly(channel);
        }
    }
}
