package org.loghandlers.handlers;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.format.JsonFormatter;
import org.loghandlers.options.LogManagerProperties;

/**
 * Sends each record in one UDP datagram, as Python's {@code logging.handlers.DatagramHandler} does: the same frame
 * as {@link SocketHandler}'s, 4-byte length prefix included, so Python's receivers strip 4 bytes and unpickle the
 * rest. With {@link #setFormat format} {@code json} each datagram is one line of JSON instead.
 *
 * <p>There is no connection: each record is one {@code send} on an unconnected {@link DatagramChannel}, opened with
 * the first record, to the address {@link #setHost host} resolves to then (the JDK caches lookups). A record whose
 * datagram would be larger than UDP allows (65,507 bytes of payload over IPv4, 65,527 over IPv6) is not sent: it is
 * reported through the {@code ErrorManager} and counted, never cut or split. A failing send is reported once per
 * outage and counted ({@link #getLostRecordCount()}); the next record tries again on a new channel. Nothing tells a
 * sender whether a datagram arrived: UDP may drop records silently, which is why {@link SocketHandler} exists.
 *
 * <p>Python's hooks are here: {@link #makePickle}, {@link #send} and {@link #makeSocket}.
 */
public class DatagramHandler extends Handler implements BatchTarget {

    /** Python's {@code logging.handlers.DEFAULT_UDP_LOGGING_PORT}, the port when none is set. */
    public static final int DEFAULT_UDP_LOGGING_PORT = 9021;
    /** The largest UDP payload over IPv4: 65,535 bytes less the IPv4 and UDP headers. */
    public static final int MAX_IPV4_PAYLOAD = 65_507;
    /** The largest UDP payload over IPv6 without jumbograms: 65,535 bytes less the UDP header. */
    public static final int MAX_IPV6_PAYLOAD = 65_527;

    private final OutageReporter sendOutage = new OutageReporter(this);
    private final AtomicLong oversized = new AtomicLong();
    private final Object channelLock = new Object();
    private volatile String host = "localhost";
    private volatile int port = DEFAULT_UDP_LOGGING_PORT;
    private final RecordPayload payload = new RecordPayload(this, this::describe, this::makePickle,
            DatagramHandler.class);
    private final RecordPayload.Destination toReceiver = (datagram, inBatch) -> sendDatagram(datagram);
    private DatagramChannel channel;
    /** The address of the last host that was an IP address, with its port. */
    private volatile LiteralTarget literalTarget;
    private volatile boolean closed;

    /**
     * A handler for {@code localhost:9021} until {@link #setHost host} and {@link #setPort port} say otherwise,
     * with the options the JDK's {@code logging.properties} sets for its class.
     */
    public DatagramHandler() {
        this((Void) null);
        LogManagerProperties.configure(this);
    }

    private DatagramHandler(Void unconfigured) {
        setErrorManager(new ReportingErrorManager());
    }

    /** Python's {@code DatagramHandler(host, port)}. */
    public DatagramHandler(String host, int port) {
        this((Void) null);
        setHost(host);
        setPort(port);
    }

    // ---- options

    /** The receiver's host name or address; default {@code localhost}. Looked up for each record. */
    public void setHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: '" + host + "' is empty; expected a host name or an IP"
                    + " address");
        }
        this.host = host.trim();
    }

    public String getHost() {
        return host;
    }

    /**
     * The receiver's UDP port, 1 to 65535; default {@value #DEFAULT_UDP_LOGGING_PORT}. Python's {@code port=None}
     * (a Unix datagram socket) has no equivalent: the JDK has no Unix datagram channel.
     */
    public void setPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is out of range; expected 1 to 65535 (Unix"
                    + " datagram sockets, Python's port=None, are not available in the JDK)");
        }
        this.port = port;
    }

    public int getPort() {
        return port;
    }

    /**
     * What each datagram holds: {@code pickle} (default), Python's frame; or {@code json}, one line of JSON per
     * record, written by the handler's formatter if one is set, else by a {@link JsonFormatter}.
     */
    public void setFormat(String format) {
        payload.setFormat(format);
    }

    public String getFormat() {
        return payload.format();
    }

    /** Whether records go out as Python's pickle, which carries the caller's class and method. */
    boolean picklesRecords() {
        return payload.pickles();
    }

    /** Records not sent since this handler was made: too large for a datagram, or the send failed. */
    public long getLostRecordCount() {
        return sendOutage.lostRecords() + oversized.get();
    }

    /** Records not sent because they were too large for a datagram (included in {@link #getLostRecordCount()}). */
    public long getOversizedRecordCount() {
        return oversized.get();
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- Python's hooks

    /** Python's {@code makePickle}, as {@link SocketHandler#makePickle}: the length prefix and the pickle. */
    protected byte[] makePickle(LogRecord record) {
        return RecordFormat.pickleFrame(record, getFormatter());
    }

    /**
     * Python's {@code makeSocket}: the channel records are sent on, opened with the first record and again after a
     * failed send. Blocking, so a send waits only while the system's send buffer is full.
     */
    protected DatagramChannel makeSocket() throws IOException {
        return DatagramChannel.open();
    }

    /**
     * Python's {@code send}: sends one datagram to the receiver's address now. A datagram that is too large is
     * reported and counted, a failure reported once per outage and counted.
     */
    protected void send(byte[] datagram) {
        sendDatagram(ByteBuffer.wrap(datagram));
    }

    /** {@link #send} of the bytes from the buffer's position to its limit. */
    private void sendDatagram(ByteBuffer datagram) {
        InetSocketAddress target = target();
        if (target.isUnresolved()) {
            sendOutage.lost(describe() + ": cannot resolve host " + host + "; records are dropped until it"
                    + " resolves", null, ErrorManager.OPEN_FAILURE);
            return;
        }
        int limit = target.getAddress() instanceof Inet6Address ? MAX_IPV6_PAYLOAD : MAX_IPV4_PAYLOAD;
        if (datagram.remaining() > limit) {
            long count = oversized.incrementAndGet();
            reportError(describe() + ": a record of " + datagram.remaining() + " bytes is larger than the " + limit
                    + " bytes a UDP datagram can carry to " + target.getAddress().getHostAddress() + "; it was not"
                    + " sent (" + count + " such records so far)", null, ErrorManager.WRITE_FAILURE);
            return;
        }
        DatagramChannel open = null;
        // A blocking channel is closed by an interrupt; a thread that logs with its interrupt flag set (as code
        // that catches InterruptedException does) must not close it, so the flag is put aside for the send.
        boolean interrupted = Thread.interrupted();
        try {
            open = channel();
            if (open == null) {
                return;
            }
            open.send(datagram, target);
            sendOutage.succeeded();
        } catch (IOException | RuntimeException e) {
            discard(open);
            if (!closed) {
                sendOutage.lost(describe() + ": sending to " + target + " failed: " + e + "; records are dropped"
                        + " until a send succeeds", e, ErrorManager.WRITE_FAILURE);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- records

    @Override
    public void publish(LogRecord record) {
        if (record != null && !closed && isLoggable(record)) {
            emit(record);
        }
    }

    /** Python's {@code handle}: applies the filter but not the level, as a memory or queue target expects. */
    @Override
    public void handle(LogRecord record) {
        if (record != null && !closed && Targets.passesFilter(this, record)) {
            emit(record);
        }
    }

    /**
     * As {@link #handle}, for a queue listener's batch: each record is a datagram of its own all the same, sent now;
     * the listener hands over its record without copying it.
     */
    @Override
    public void handleInBatch(LogRecord record) {
        handle(record);
    }

    private void emit(LogRecord record) {
        if (!payload.throughHooks()) {
            payload.writeTo(record, false, toReceiver);
            return;
        }
        byte[] datagram = payload.encode(record);
        if (datagram != null) {
            send(datagram);
        }
    }

    /**
     * The receiver's address: looked up now, as Python's {@code sendto} does, unless the host is an IP address,
     * which stands for itself: its address is made once.
     */
    private InetSocketAddress target() {
        String toHost = host;
        int toPort = port;
        LiteralTarget literal = literalTarget;
        if (literal != null && literal.host == toHost && literal.port == toPort) {
            return literal.address;
        }
        InetSocketAddress target = new InetSocketAddress(toHost, toPort);
        if (!target.isUnresolved() && target.getAddress().getHostAddress().equals(toHost)) {
            literalTarget = new LiteralTarget(toHost, toPort, target);
        }
        return target;
    }

    private record LiteralTarget(String host, int port, InetSocketAddress address) {
    }

    /** The open channel, opened now if needed; null once the handler is closed. */
    private DatagramChannel channel() throws IOException {
        synchronized (channelLock) {
            if (closed) {
                return null;
            }
            if (channel == null || !channel.isOpen()) {
                channel = makeSocket();
            }
            return channel;
        }
    }

    private void discard(DatagramChannel failed) {
        synchronized (channelLock) {
            if (failed != null && failed == channel) {
                closeQuietly(channel);
                channel = null;
            }
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // A channel that fails to close is dropped all the same.
        }
    }

    /** Nothing is buffered: every record is sent as it comes. */
    @Override
    public void flush() {
    }

    /** Closes the channel; records published afterwards are ignored. Idempotent. */
    @Override
    public void close() {
        synchronized (channelLock) {
            closed = true;
            if (channel != null) {
                closeQuietly(channel);
                channel = null;
            }
        }
    }

    /** Names this handler and its receiver in error reports. */
    protected String describe() {
        return getClass().getSimpleName() + " to udp " + host + ":" + port;
    }

    @Override
    public String toString() {
        return "<" + describe() + " (" + getLevel().getName() + ")>";
    }
}
