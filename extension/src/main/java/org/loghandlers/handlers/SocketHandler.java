package org.loghandlers.handlers;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
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

    private static final int MAX_WAIT_SECONDS = 86_400;

    /** Whether a subclass overrides {@link #makePickle} or {@link #send}, which records then go through. */
    private final boolean customFrames = Hooks.overridden(getClass(), SocketHandler.class, "makePickle",
            LogRecord.class) || Hooks.overridden(getClass(), SocketHandler.class, "send", byte[].class);
    /** Guards {@link #connection} and its replacement; taken before the connection's own lock. */
    private final Object state = new Object();
    private volatile String host = "localhost";
    private volatile int port = DEFAULT_TCP_LOGGING_PORT;
    private volatile double retryStart = 1.0;
    private volatile double retryFactor = 2.0;
    private volatile double retryMax = 30.0;
    private volatile int connectTimeoutMillis = 1000;
    private volatile int writeTimeoutMillis = 1000;
    private volatile RecordFormat format = RecordFormat.PICKLE;
    private volatile Formatter defaultJson;
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

    /** Seconds to wait after a failed connection before the next attempt (Python's {@code retryStart}); 1.0. */
    public void setRetryStart(double retryStart) {
        this.retryStart = seconds("retryStart", retryStart);
        reconfigure();
    }

    public double getRetryStart() {
        return retryStart;
    }

    /** How much longer each further wait is than the last (Python's {@code retryFactor}); 2.0, at least 1. */
    public void setRetryFactor(double retryFactor) {
        if (!(retryFactor >= 1) || Double.isInfinite(retryFactor)) {
            throw new IllegalArgumentException("retryFactor: " + retryFactor + " is not a factor the wait can grow"
                    + " by; expected a number of 1 or more, such as 2");
        }
        this.retryFactor = retryFactor;
        reconfigure();
    }

    public double getRetryFactor() {
        return retryFactor;
    }

    /** The longest wait between two attempts, in seconds (Python's {@code retryMax}); 30.0. */
    public void setRetryMax(double retryMax) {
        this.retryMax = seconds("retryMax", retryMax);
        reconfigure();
    }

    public double getRetryMax() {
        return retryMax;
    }

    /**
     * How long a connection attempt may take (Python's {@code makeSocket(timeout=1)}); default 1000 ms.
     * Milliseconds, a number with a unit ({@code 500ms}, {@code 2s}) or an ISO-8601 duration ({@code PT0.5S}).
     */
    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeoutMillis = millis("connectTimeout", connectTimeout);
        reconfigure();
    }

    /** The connect timeout as milliseconds with their unit, such as {@code 1000ms}. */
    public String getConnectTimeout() {
        return connectTimeoutMillis + "ms";
    }

    /**
     * How long a write may wait for a receiver that does not read (Python keeps its connect timeout for
     * {@code sendall}); default 1000 ms, in the same forms as {@link #setConnectTimeout connectTimeout}. After it
     * the connection is given up and the record counted as lost.
     */
    public void setWriteTimeout(String writeTimeout) {
        this.writeTimeoutMillis = millis("writeTimeout", writeTimeout);
        reconfigure();
    }

    /** The write timeout as milliseconds with their unit, such as {@code 1000ms}. */
    public String getWriteTimeout() {
        return writeTimeoutMillis + "ms";
    }

    /**
     * What is sent for each record: {@code pickle} (default), Python's frame; or {@code json}, one line of JSON
     * per record, written by the handler's formatter if one is set, else by a {@link JsonFormatter}.
     */
    public void setFormat(String format) {
        this.format = RecordFormat.parse(format);
    }

    public String getFormat() {
        return format.configName();
    }

    /** Whether records go out as Python's pickle, which carries the caller's class and method. */
    boolean picklesRecords() {
        return format == RecordFormat.PICKLE;
    }

    /** Records not delivered since this handler was made: no connection could be had, or a write failed. */
    public long getLostRecordCount() {
        ReconnectingConnection current = connection;
        return lostBefore + (current == null ? 0 : current.lostRecords());
    }

    public boolean isClosed() {
        return closed;
    }

    /** Python's seconds for the backoff, from 0 to {@value #MAX_WAIT_SECONDS} (a day). */
    private static double seconds(String option, double value) {
        if (!(value >= 0) || value > MAX_WAIT_SECONDS) {
            throw new IllegalArgumentException(option + ": " + value + " is not a number of seconds it can use;"
                    + " expected 0 to " + MAX_WAIT_SECONDS + ", such as 1 or 0.5");
        }
        return value;
    }

    /** A timeout in the forms of {@link Durations}, from 1 ms to 24 days. */
    private static int millis(String option, String text) {
        long millis;
        try {
            millis = Durations.parseMillis(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a span of time; accepted: "
                    + Durations.ACCEPTED);
        }
        if (millis < 1 || millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + ": '" + text + "' is out of range; accepted: "
                    + Durations.ACCEPTED + ", from 1 ms to 24 days");
        }
        return (int) millis;
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
        if (customFrames) {
            emitThroughHooks(record, inBatch);
        } else if (format == RecordFormat.PICKLE) {
            PickledRecord pickled = PickledRecord.take();
            try {
                ByteBuffer frame;
                try {
                    frame = pickled.frame(record, RecordFormat.messageMerger(getFormatter()));
                } catch (RuntimeException e) {
                    reportEncodingFailure(record, e);
                    return;
                }
                write(frame, inBatch);
            } finally {
                pickled.release();
            }
        } else {
            EncodedRecord encoded = EncodedRecord.take();
            try {
                try {
                    encoded.encode(record, jsonFormatter(), "\n", StandardCharsets.UTF_8);
                } catch (RuntimeException e) {
                    reportEncodingFailure(record, e);
                    return;
                }
                write(encoded.buffer(), inBatch);
            } finally {
                encoded.release();
            }
        }
    }

    /** Python's {@code emit}, {@code send(makePickle(record))}, for a subclass that overrides either hook. */
    private void emitThroughHooks(LogRecord record, boolean inBatch) {
        byte[] frame;
        try {
            frame = format == RecordFormat.PICKLE ? makePickle(record) : RecordFormat.jsonLine(record, jsonFormatter());
        } catch (RuntimeException e) {
            reportEncodingFailure(record, e);
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

    private void reportEncodingFailure(LogRecord record, RuntimeException e) {
        reportError(describe() + ": could not encode a record of logger " + record.getLoggerName(), e,
                ErrorManager.FORMAT_FAILURE);
    }

    private Formatter jsonFormatter() {
        Formatter own = getFormatter();
        if (own != null) {
            return own;
        }
        Formatter json = defaultJson;
        if (json == null) {
            json = new JsonFormatter();
            defaultJson = json;
        }
        return json;
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
                    new Backoff(retryStart, retryFactor, retryMax), connectTimeoutMillis, writeTimeoutMillis);
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

    private void reconfigure() {
        synchronized (state) {
            ReconnectingConnection current = connection;
            if (current != null) {
                current.configure(new Backoff(retryStart, retryFactor, retryMax), connectTimeoutMillis,
                        writeTimeoutMillis);
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
