package org.loghandlers.handlers;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.format.JsonFormatter;
import org.loghandlers.options.Durations;
import org.loghandlers.options.LogManagerProperties;

/**
 * Sends each record over TCP, or a Unix stream socket, as Python's {@code logging.handlers.SocketHandler} does: a
 * 4-byte big-endian length, then the pickle (protocol 1) of the record's attribute dictionary, which the logging
 * cookbook's receiver turns back into a {@code LogRecord} with {@code pickle.loads} and
 * {@code logging.makeLogRecord}. With {@link #setFormat format} {@code json} each record is one line of JSON
 * instead, for receivers that are not Python.
 *
 * <p>Nothing connects until the first record. A connection that fails is tried again on Python's backoff
 * ({@link #setRetryStart retryStart}, {@link #setRetryFactor retryFactor}, {@link #setRetryMax retryMax}); records
 * logged meanwhile are dropped and counted ({@link #getLostRecordCount()}), and the outage is reported once
 * through the {@code ErrorManager}. Connecting and writing each wait at most their timeout, so a logging call never
 * hangs on a dead peer; a {@link QueueHandler} in front takes even that wait off the application's threads, and
 * then writes each batch of records in one write. Records are written whole, one thread at a time: records of
 * many threads never interleave on the connection.
 *
 * <p>Python's hooks are here: {@link #makePickle}, {@link #send} and {@link #createSocket}.
 */
public class SocketHandler extends Handler implements BatchTarget {

    /** Python's {@code logging.handlers.DEFAULT_TCP_LOGGING_PORT}, the port when none is set. */
    public static final int DEFAULT_TCP_LOGGING_PORT = 9020;

    /** Guards {@link #connection} and its replacement; taken before the connection's own lock. */
    private final Object state = new Object();
    private volatile String host = "localhost";
    private volatile int port = DEFAULT_TCP_LOGGING_PORT;
    private volatile RetryOptions retry = RetryOptions.PYTHON;
    private volatile int connectTimeoutMillis = 1000;
    private volatile int writeTimeoutMillis = 1000;
    private final RecordPayload payload = new RecordPayload(this, this::describe, this::makePickle,
            SocketHandler.class);
    private final RecordPayload.Destination toConnection = this::write;
    private volatile ReconnectingConnection connection;
    /** Records lost by connections this handler replaced after a change of host or port. */
    private volatile long lostBefore;
    private volatile boolean closed;

    /**
     * A handler for {@code localhost:9020} until {@link #setHost host} and {@link #setPort port} say otherwise,
     * with the options the JDK's {@code logging.properties} sets for its class.
     */
    public SocketHandler() {
        this((Void) null);
        LogManagerProperties.configure(this);
    }

    private SocketHandler(Void unconfigured) {
        setErrorManager(new ReportingErrorManager());
    }

    /** Python's {@code SocketHandler(host, port)}; a port of 0 (Python's None) makes {@code host} a Unix socket path. */
    public SocketHandler(String host, int port) {
        this((Void) null);
        setHost(host);
        setPort(port);
    }

    // ---- options

    /**
     * The receiver's host name or address; default {@code localhost}. With {@link #setPort port} 0, the path of a
     * Unix stream socket. A change takes effect with the next record, on a new connection.
     */
    public void setHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: '" + host + "' is empty; expected a host name or an IP address,"
                    + " or with port 0 the path of a Unix socket");
        }
        this.host = host.trim();
        reconnect();
    }

    public String getHost() {
        return host;
    }

    /**
     * The receiver's TCP port, 1 to 65535; default {@value #DEFAULT_TCP_LOGGING_PORT}. 0 stands for Python's
     * {@code port=None}: {@link #setHost host} is then the path of a Unix stream socket.
     */
    public void setPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is out of range; expected 1 to 65535, or 0 for a"
                    + " Unix socket whose path is host");
        }
        this.port = port;
        reconnect();
    }

    public int getPort() {
        return port;
    }

    /**
     * How long to wait after a failed connection before the next attempt (Python's {@code retryStart}); default 1
     * second, {@code 0} tries at every record. A time option (a bare number is seconds, see {@link Durations}).
     */
    public void setRetryStart(String retryStart) {
        retry(current -> current.withStart(retryStart));
    }

    /** The first wait, such as {@code 1s}. */
    public String getRetryStart() {
        return retry.start();
    }

    /** How much longer each further wait is than the last (Python's {@code retryFactor}); 2.0, at least 1. */
    public void setRetryFactor(double retryFactor) {
        retry(current -> current.withFactor(retryFactor));
    }

    public double getRetryFactor() {
        return retry.factor();
    }

    /** The longest wait between two attempts (Python's {@code retryMax}); default 30 seconds. A time option. */
    public void setRetryMax(String retryMax) {
        retry(current -> current.withMax(retryMax));
    }

    /** The longest wait, such as {@code 30s}. */
    public String getRetryMax() {
        return retry.max();
    }

    /**
     * How long a connection attempt may take (Python's {@code makeSocket(timeout=1)}); default 1 second, from 1 ms to
     * a day. A time option (a bare number is seconds, see {@link Durations}).
     */
    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeoutMillis = timeout("connectTimeout", connectTimeout);
        reconfigure();
    }

    /** The connect timeout, such as {@code 1s}. */
    public String getConnectTimeout() {
        return Durations.format(connectTimeoutMillis);
    }

    /**
     * How long a write may wait for a receiver that does not read (Python keeps its connect timeout for
     * {@code sendall}); default 1 second, a time option as {@link #setConnectTimeout connectTimeout}. After it the
     * connection is given up and the record counted as lost.
     */
    public void setWriteTimeout(String writeTimeout) {
        this.writeTimeoutMillis = timeout("writeTimeout", writeTimeout);
        reconfigure();
    }

    /** The write timeout, such as {@code 1s}. */
    public String getWriteTimeout() {
        return Durations.format(writeTimeoutMillis);
    }

    /**
     * What is sent for each record: {@code pickle} (default), Python's frame; or {@code json}, one line of JSON
     * per record, written by the handler's formatter if one is set, else by a {@link JsonFormatter}.
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

    /** Records not delivered since this handler was made: no connection could be had, or a write failed. */
    public long getLostRecordCount() {
        ReconnectingConnection current = connection;
        return lostBefore + (current == null ? 0 : current.lostRecords());
    }

    public boolean isClosed() {
        return closed;
    }

    private static int timeout(String option, String text) {
        return (int) Durations.millis(option, text, 1, Durations.DAY_MILLIS);
    }

    // ---- Python's hooks

    /**
     * Python's {@code makePickle}: the frame for {@code record}, a 4-byte big-endian length and the protocol-1
     * pickle of its dictionary ({@code msg} merged with its parameters by the handler's formatter, {@code args}
     * and {@code exc_info} None, {@code exc_text} the stack trace).
     */
    protected byte[] makePickle(LogRecord record) {
        return RecordFormat.pickleFrame(record, getFormatter());
    }

    /**
     * Python's {@code send}: writes one frame now, connecting first if needed; a frame that cannot be written is
     * counted and the outage reported once. Records of a queue listener's batch do not come here: they are
     * collected and written at the end of the batch.
     */
    protected void send(byte[] frame) {
        synchronized (state) {
            if (!closed) {
                connection().send(ByteBuffer.wrap(frame));
            }
        }
    }

    /**
     * Python's {@code createSocket}: connects now unless connected already or waiting out the backoff after a
     * failure; whether a connection is open. Records connect by themselves; this is for connecting early.
     */
    protected boolean createSocket() {
        synchronized (state) {
            return !closed && connection().connect();
        }
    }

    // ---- records

    @Override
    public void publish(LogRecord record) {
        if (record != null && !closed && isLoggable(record)) {
            emit(record, false);
        }
    }

    /** Python's {@code handle}: applies the filter but not the level, as a memory or queue target expects. */
    @Override
    public void handle(LogRecord record) {
        if (record != null && !closed && Targets.passesFilter(this, record)) {
            emit(record, false);
        }
    }

    /** As {@link #handle}, for a queue listener's batch: written at the batch's {@link #flush}, in one write. */
    @Override
    public void handleInBatch(LogRecord record) {
        if (record != null && !closed && Targets.passesFilter(this, record)) {
            emit(record, true);
        }
    }

    private void emit(LogRecord record, boolean inBatch) {
        if (!payload.throughHooks()) {
            payload.writeTo(record, inBatch, toConnection);
            return;
        }
        byte[] frame = payload.encode(record);
        if (frame == null) {
            return;
        }
        if (inBatch) {
            write(ByteBuffer.wrap(frame), true);
        } else {
            send(frame);
        }
    }

    /** Writes one frame now, or adds it to the batch written at {@link #flush}. */
    private void write(ByteBuffer frame, boolean inBatch) {
        synchronized (state) {
            if (!closed) {
                if (inBatch) {
                    connection().append(frame);
                } else {
                    connection().send(frame);
                }
            }
        }
    }

    /** Writes what a batch left pending. */
    @Override
    public void flush() {
        synchronized (state) {
            ReconnectingConnection current = connection;
            if (current != null && !closed) {
                current.flush();
            }
        }
    }

    /** Writes what is pending and closes the connection; records published afterwards are ignored. Idempotent. */
    @Override
    public void close() {
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            if (connection != null) {
                connection.close();
            }
        }
    }

    // ---- the connection

    /** The connection to the current address, made on first use; called under {@link #state}. */
    private ReconnectingConnection connection() {
        ReconnectingConnection current = connection;
        if (current == null) {
            String toHost = host;
            int toPort = port;
            current = new ReconnectingConnection(this, peer(toHost, toPort),
                    timeout -> ChannelEndpoint.connect(address(toHost, toPort), timeout),
                    retry.backoff(), connectTimeoutMillis, writeTimeoutMillis);
            connection = current;
        }
        return current;
    }

    private static SocketAddress address(String host, int port) {
        return port == 0 ? UnixDomainSocketAddress.of(host) : InetSocketAddress.createUnresolved(host, port);
    }

    /** What reports call the receiver. */
    private static String peer(String host, int port) {
        if (port == 0) {
            return "unix " + host;
        }
        String hint = host.indexOf('/') >= 0 ? " (for a Unix socket at that path, set port to 0)" : "";
        return "tcp " + host + ":" + port + hint;
    }

    /** After a change of address: the next record connects to the new one. */
    private void reconnect() {
        synchronized (state) {
            ReconnectingConnection old = connection;
            if (old != null && !closed) {
                old.close();
                lostBefore += old.lostRecords();
                connection = null;
            }
        }
    }

    private void retry(UnaryOperator<RetryOptions> change) {
        synchronized (state) {
            retry = change.apply(retry);
            reconfigure();
        }
    }

    private void reconfigure() {
        synchronized (state) {
            ReconnectingConnection current = connection;
            if (current != null) {
                current.configure(retry.backoff(), connectTimeoutMillis, writeTimeoutMillis);
            }
        }
    }

    /** Names this handler and its receiver in error reports. */
    protected String describe() {
        return getClass().getSimpleName() + " to " + peer(host, port);
    }

    @Override
    public String toString() {
        return "<" + describe() + " (" + getLevel().getName() + ")>";
    }
}
