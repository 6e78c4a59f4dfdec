package org.loghandlers.handlers;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.format.AppendingFormatter;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.format.RecordMdc;
import org.loghandlers.handlers.wire.HeaderField;
import org.loghandlers.handlers.wire.PythonSyslogFormat;
import org.loghandlers.handlers.wire.Rfc3164Format;
import org.loghandlers.handlers.wire.Rfc5424Format;
import org.loghandlers.handlers.wire.StructuredData;
import org.loghandlers.handlers.wire.SyslogFormat;
import org.loghandlers.handlers.wire.SyslogFraming;
import org.loghandlers.handlers.wire.SyslogMessage;
import org.loghandlers.handlers.wire.SyslogPriority;
import org.loghandlers.options.Durations;
import org.loghandlers.options.LogManagerProperties;

/**
 * Sends each record to a syslog daemon: Python's {@code logging.handlers.SysLogHandler}. By default the bytes are
 * Python 3.13's exactly, {@code <PRI>} + {@code ident} + the formatted record + NUL, to the Unix socket
 * {@code /dev/log}; UDP and TCP go to {@code host:port}. Beyond Python: RFC 3164 and RFC 5424 messages (host name,
 * app name, process id, message id, the MDC as structured data), RFC 6587 framing on TCP, TLS (RFC 5425) with a
 * trust store, a maximum length cut on a UTF-8 boundary, and Unix datagram sockets through the optional junixsocket.
 *
 * <p>Nothing connects until the first record. A logging call never waits longer than {@link #setTimeout timeout}
 * and never throws: a failure is reported once per outage through the {@code ErrorManager}, the records it costs
 * are counted ({@link #getLostRecordCount}), and a stream connection is made again on Python's
 * {@code SocketHandler} backoff when the daemon is back.
 */
public class SysLogHandler extends Handler implements BatchTarget {

    /** Where records go unless {@link #setAddress} says otherwise (Python's default is UDP localhost:514). */
    public static final String DEFAULT_ADDRESS = "/dev/log";
    /** The SD-ID of the MDC's structured data unless {@link #setStructuredDataId} says otherwise. */
    public static final String DEFAULT_STRUCTURED_DATA_ID = "mdc@32473";

    private static final Formatter PYTHON_DEFAULT = new PythonFormatter(PythonFormatter.DEFAULT_FORMAT);
    private static final String PROCESS_ID = Long.toString(ProcessHandle.current().pid());
    private static final String PROTOCOLS = "python, rfc3164 or rfc5424";

    private volatile SyslogAddress address = SyslogAddress.parse(DEFAULT_ADDRESS);
    private volatile int facility = SyslogPriority.LOG_USER;
    private volatile String socktype;
    private volatile String ident = "";
    private volatile boolean appendNul = true;
    private volatile String protocol = "python";
    private volatile SyslogFraming framing;
    private volatile SyslogFormat format = new PythonSyslogFormat(true);
    private volatile String hostname;
    private volatile String appName;
    private volatile String procid;
    private volatile String msgid;
    private volatile String structuredDataId = DEFAULT_STRUCTURED_DATA_ID;
    private volatile int maxLength;
    private volatile boolean secure;
    private volatile TrustStore trust = TrustStore.JVM_DEFAULT;
    private volatile int timeoutMillis = 1000;
    private volatile RetryOptions retry = RetryOptions.PYTHON;

    private final Object transportLock = new Object();
    private SyslogTransport transport;
    private final AtomicLong lostBefore = new AtomicLong();
    private final OutageReporter formatting = new OutageReporter(this);

    /** A handler for {@value #DEFAULT_ADDRESS}, with what the JDK's {@code logging.properties} sets for its class. */
    public SysLogHandler() {
        setErrorManager(new ReportingErrorManager());
        LogManagerProperties.configure(this);
    }

    /**
     * Where to send: {@code host:port} ({@code [::1]:514} for IPv6) for UDP or TCP, or a Unix socket path (any value
     * with a {@code /}); default {@value #DEFAULT_ADDRESS}.
     *
     * @throws IllegalArgumentException for a value that is neither, a port outside 1 to 65535, or a Unix path
     *     while {@code secure} is on
     */
    public void setAddress(String address) {
        SyslogAddress parsed = SyslogAddress.parse(address);
        if (parsed.isUnix() && secure) {
            throw new IllegalArgumentException("address: '" + address + "' is a Unix socket, but secure=true needs a"
                    + " host:port for TLS");
        }
        this.address = parsed;
        replaceTransport();
    }

    public String getAddress() {
        return address.toString();
    }

    /**
     * The syslog facility by Python's name ({@code user}, {@code daemon}, {@code local0} to {@code local7}, ...; any
     * case) or number 0 to 23; default {@code user}.
     *
     * @throws IllegalArgumentException naming the value and every accepted name
     */
    public void setFacility(String facility) {
        this.facility = SyslogPriority.facility(facility);
    }

    /** Python's name of the facility. */
    public String getFacility() {
        return SyslogPriority.facilityName(facility);
    }

    /**
     * {@code udp} (datagrams) or {@code tcp} (a stream), for a Unix socket too; empty or unset is Python's
     * {@code None}: UDP for {@code host:port}, and for a Unix socket a datagram socket, falling back to a stream.
     *
     * @throws IllegalArgumentException for another value, or {@code udp} while {@code secure} is on
     */
    public void setSocktype(String socktype) {
        String chosen = socktype == null || socktype.isBlank() ? null : socktype.strip().toLowerCase(Locale.ROOT);
        if (chosen != null && !chosen.equals("udp") && !chosen.equals("tcp")) {
            throw new IllegalArgumentException("socktype: '" + socktype + "' is not a socket type; expected udp"
                    + " (Python's SOCK_DGRAM), tcp (SOCK_STREAM), or nothing for Python's default");
        }
        if ("udp".equals(chosen) && secure) {
            throw new IllegalArgumentException("socktype: 'udp' cannot carry TLS, which secure=true asks for;"
                    + " expected tcp or nothing");
        }
        this.socktype = chosen;
        replaceTransport();
    }

    /** {@code udp}, {@code tcp}, or empty for Python's default. */
    public String getSocktype() {
        return socktype == null ? "" : socktype;
    }

    /** Text put before every message, as Python's {@code ident} (such as {@code "myapp: "}); default empty. */
    public void setIdent(String ident) {
        this.ident = ident == null ? "" : ident;
    }

    public String getIdent() {
        return ident;
    }

    /**
     * Whether a NUL ends each message, as Python's {@code append_nul} (default {@code true}); for
     * {@code protocol=python} only, the RFC formats never carry it.
     */
    public void setAppendNul(boolean appendNul) {
        this.appendNul = appendNul;
        this.format = formatFor(protocol, appendNul);
    }

    public boolean isAppendNul() {
        return appendNul;
    }

    /**
     * The message layout: {@code python} (the default: Python's bytes, {@code <PRI>ident message}), {@code rfc3164}
     * (BSD syslog: timestamp, host name, tag) or {@code rfc5424} (version, RFC 3339 timestamp, host name, app name,
     * process id, message id, structured data).
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public void setProtocol(String protocol) {
        String chosen = protocol == null ? "" : protocol.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals("python") && !chosen.equals("rfc3164") && !chosen.equals("rfc5424")) {
            throw new IllegalArgumentException("protocol: '" + protocol + "' is not a syslog protocol; expected "
                    + PROTOCOLS);
        }
        this.format = formatFor(chosen, appendNul);
        this.protocol = chosen;
        replaceTransport();
    }

    public String getProtocol() {
        return protocol;
    }

    /**
     * How messages are delimited on a stream (TCP, TLS, a Unix stream socket): {@code none} (Python's: back to back,
     * each ending in its NUL), {@code octet-counting} (RFC 6587, the length first) or {@code non-transparent} (an LF
     * after each). Default: {@code none} for {@code protocol=python}, {@code octet-counting} for the RFC protocols.
     * Datagrams are never framed.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public void setFraming(String framing) {
        this.framing = framing == null || framing.isBlank() ? null : SyslogFraming.parse(framing);
        replaceTransport();
    }

    /** The framing in effect. */
    public String getFraming() {
        return effectiveFraming().optionValue();
    }

    /**
     * The HOSTNAME of RFC 3164 and RFC 5424 messages; default this machine's name, as the JDK finds it once (RFC
     * 3164 keeps the part before the first dot).
     *
     * @throws IllegalArgumentException unless 1 to 255 printable ASCII characters without spaces
     */
    public void setHostname(String hostname) {
        this.hostname = HeaderField.HOSTNAME.check(hostname);
    }

    public String getHostname() {
        return hostname != null ? hostname : LocalHost.NAME;
    }

    /**
     * The APP-NAME of RFC 5424 messages and the TAG of RFC 3164 ones; default none ({@code -}, and no tag).
     *
     * @throws IllegalArgumentException unless 1 to 48 printable ASCII characters without spaces
     */
    public void setAppName(String appName) {
        this.appName = HeaderField.APP_NAME.check(appName);
    }

    /** The app name; empty for none. */
    public String getAppName() {
        return appName == null ? "" : appName;
    }

    /**
     * The PROCID of RFC 5424 messages (and {@code TAG[PROCID]} of RFC 3164 ones); default this JVM's process id.
     *
     * @throws IllegalArgumentException unless 1 to 128 printable ASCII characters without spaces
     */
    public void setProcid(String procid) {
        this.procid = HeaderField.PROCID.check(procid);
    }

    public String getProcid() {
        return procid != null ? procid : PROCESS_ID;
    }

    /**
     * The MSGID of RFC 5424 messages, the same for every record; default none ({@code -}).
     *
     * @throws IllegalArgumentException unless 1 to 32 printable ASCII characters without spaces
     */
    public void setMsgid(String msgid) {
        this.msgid = HeaderField.MSGID.check(msgid);
    }

    /** The message id; empty for none. */
    public String getMsgid() {
        return msgid == null ? "" : msgid;
    }

    /**
     * The SD-ID under which RFC 5424 messages carry the record's MDC as structured data; default
     * {@value #DEFAULT_STRUCTURED_DATA_ID} (32473 is the enterprise number RFC 5612 reserves for examples: put
     * yours). Empty: no structured data.
     *
     * @throws IllegalArgumentException unless a valid SD-ID
     */
    public void setStructuredDataId(String structuredDataId) {
        this.structuredDataId = structuredDataId == null || structuredDataId.isEmpty() ? ""
                : StructuredData.checkId("structuredDataId", structuredDataId);
    }

    public String getStructuredDataId() {
        return structuredDataId;
    }

    /**
     * The most bytes one message may have (framing aside), cut on a UTF-8 character boundary beyond that; 0 (the
     * default, as in Python) is no limit. The NUL of {@code append-nul} is kept at the end of a cut message.
     *
     * @throws IllegalArgumentException when negative
     */
    public void setMaxLength(int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength: " + maxLength + " is negative; expected 0 (no limit) or a"
                    + " number of bytes, such as 2048 (what every RFC 5424 receiver takes) or 8192 (rsyslog's"
                    + " default)");
        }
        this.maxLength = maxLength;
    }

    public int getMaxLength() {
        return maxLength;
    }

    /**
     * Whether to send over TLS (RFC 5425) to {@code host:port}, checking the daemon's certificate against
     * {@code trust-store} (or the JVM's default trust) and the host name; default {@code false}.
     *
     * @throws IllegalArgumentException when the address is a Unix socket or socktype is udp
     */
    public void setSecure(boolean secure) {
        if (secure && address.isUnix()) {
            throw new IllegalArgumentException("secure: true needs a host:port address for TLS, but the address is"
                    + " the Unix socket " + address);
        }
        if (secure && "udp".equals(socktype)) {
            throw new IllegalArgumentException("secure: true needs TCP, but socktype is udp; expected socktype tcp"
                    + " or nothing");
        }
        this.secure = secure;
        replaceTransport();
    }

    public boolean isSecure() {
        return secure;
    }

    /**
     * A trust store file with the certificates (or the CA) of the daemon to trust for TLS; unset: the JVM's default
     * trust.
     *
     * @throws IllegalArgumentException when there is no readable file at that path
     */
    public void setTrustStore(String trustStore) {
        trust(current -> current.withFile(trustStore));
    }

    /** The trust store's path; empty for the JVM's default trust. */
    public String getTrustStore() {
        return trust.fileText();
    }

    /** The trust store's password; empty for none. Kept out of every message and of {@code toString}. */
    public void setTrustStorePassword(String trustStorePassword) {
        trust(current -> current.withPassword(trustStorePassword));
    }

    /**
     * The trust store's type: {@code PKCS12} (the default) or {@code JKS}, or another type this JVM supports.
     *
     * @throws IllegalArgumentException for a type this JVM does not support
     */
    public void setTrustStoreType(String trustStoreType) {
        trust(current -> current.withType(trustStoreType));
    }

    public String getTrustStoreType() {
        return trust.type();
    }

    private void trust(UnaryOperator<TrustStore> change) {
        synchronized (transportLock) {
            trust = change.apply(trust);
            closeTransport();
        }
    }

    /**
     * How long a connection attempt (TLS handshake included) or a write may take before it is given up (Python
     * 3.14's {@code timeout}); default 1 second, as Python's {@code SocketHandler}, from 1 ms to a day. A time
     * option: a bare number is seconds, as in Python (see {@link Durations}).
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public void setTimeout(String timeout) {
        this.timeoutMillis = (int) Durations.millis("timeout", timeout, 1, Durations.DAY_MILLIS);
        replaceTransport();
    }

    /** The timeout, such as {@code 1s}. */
    public String getTimeout() {
        return Durations.format(timeoutMillis);
    }

    /**
     * How long to wait after a failed connection before the next attempt (Python's {@code retryStart}); default 1
     * second. A time option, from 0 to a day.
     */
    public void setRetryStart(String retryStart) {
        retry(current -> current.withStart(retryStart));
    }

    /** The first wait, such as {@code 1s}. */
    public String getRetryStart() {
        return retry.start();
    }

    /**
     * How much longer each further wait is (Python's {@code retryFactor}); default 2.
     *
     * @throws IllegalArgumentException when below 1
     */
    public void setRetryFactor(double retryFactor) {
        retry(current -> current.withFactor(retryFactor));
    }

    public double getRetryFactor() {
        return retry.factor();
    }

    /** The longest wait between connection attempts (Python's {@code retryMax}); default 30 seconds. A time option. */
    public void setRetryMax(String retryMax) {
        retry(current -> current.withMax(retryMax));
    }

    /** The longest wait, such as {@code 30s}. */
    public String getRetryMax() {
        return retry.max();
    }

    private void retry(UnaryOperator<RetryOptions> change) {
        synchronized (transportLock) {
            retry = change.apply(retry);
            closeTransport();
        }
    }

    /**
     * Syslog messages are UTF-8, as Python sends them and RFC 5424 wants; null or UTF-8 is accepted.
     *
     * @throws IllegalArgumentException for any other character set
     */
    @Override
    public void setEncoding(String encoding) throws UnsupportedEncodingException {
        if (encoding != null && !Charset.forName(encoding.strip()).equals(StandardCharsets.UTF_8)) {
            throw new IllegalArgumentException("encoding: '" + encoding + "' is not UTF-8; syslog messages are always"
                    + " UTF-8, as Python sends them");
        }
        super.setEncoding(encoding == null ? null : StandardCharsets.UTF_8.name());
    }

    /** Records lost since this handler was made: not sent because of a failure, or not formatted. */
    public long getLostRecordCount() {
        synchronized (transportLock) {
            return lostBefore.get() + formatting.lostRecords() + (transport == null ? 0 : transport.lostRecords());
        }
    }

    /**
     * Python's {@code mapPriority}: the syslog priority name for a Python level name (CRITICAL, ERROR, WARNING,
     * INFO, DEBUG; see {@link org.loghandlers.format.PythonLevel} for JUL levels); any other name is
     * {@code warning}. Override for levels of your own.
     */
    protected String mapPriority(String levelName) {
        return SyslogPriority.mapPriority(levelName);
    }

    @Override
    public void publish(LogRecord record) {
        if (record != null && isLoggable(record)) {
            emit(record, false);
        }
    }

    /** Python's {@code handle}: the filter applies, the level does not, as a memory or queue target expects. */
    @Override
    public void handle(LogRecord record) {
        if (record != null && Targets.passesFilter(this, record)) {
            emit(record, false);
        }
    }

    /** As {@link #handle}, for a queue listener's batch: on TCP and TLS the batch goes out in one write at flush. */
    @Override
    public void handleInBatch(LogRecord record) {
        if (record != null && Targets.passesFilter(this, record)) {
            emit(record, true);
        }
    }

    private void emit(LogRecord record, boolean inBatch) {
        SyslogBuffers buffers = SyslogBuffers.take();
        try {
            if (!encode(record, buffers)) {
                return;
            }
            try {
                SyslogTransport open = transport();
                if (inBatch) {
                    open.append(buffers.message);
                } else {
                    open.send(buffers.message);
                }
            } catch (RuntimeException e) {
                formatting.lost(describe() + ": could not send a record of logger " + record.getLoggerName(), e,
                        ErrorManager.WRITE_FAILURE);
            }
        } finally {
            buffers.release();
        }
    }

    /**
     * Lays the record's message out as the protocol says into {@code buffers}; false (reported) when it cannot be
     * formatted.
     */
    private boolean encode(LogRecord record, SyslogBuffers buffers) {
        try {
            StringBuilder text = buffers.text;
            text.setLength(0);
            text.append(ident);
            appendFormatted(record, text);
            int priority = SyslogPriority.encodePriority(facility,
                    SyslogPriority.priority(mapPriority(SyslogPriority.levelName(record.getLevel()))));
            SyslogFormat layout = format;
            SyslogMessage message = layout instanceof PythonSyslogFormat
                    ? new SyslogMessage(priority, null, null, null, null, null, StructuredData.NONE, text)
                    : new SyslogMessage(priority, record.getInstant(), getHostname(), appName, getProcid(), msgid,
                            structuredData(record), text);
            layout.encode(message, maxLength, buffers.message);
            formatting.succeeded();
            return true;
        } catch (RuntimeException e) {
            formatting.lost(describe() + ": could not format a record of logger " + record.getLoggerName(), e,
                    ErrorManager.FORMAT_FAILURE);
            return false;
        }
    }

    /** Appends the formatted record; one final line break that a JUL or JBoss pattern adds ({@code %n}) is left out. */
    private void appendFormatted(LogRecord record, StringBuilder text) {
        Formatter formatter = getFormatter();
        Formatter used = formatter != null ? formatter : PYTHON_DEFAULT;
        int start = text.length();
        if (used instanceof AppendingFormatter appending) {
            appending.formatTo(record, text);
        } else {
            text.append(used.format(record));
        }
        int end = text.length();
        if (formatter != null && end > start && text.charAt(end - 1) == '\n') {
            text.setLength(end - start >= 2 && text.charAt(end - 2) == '\r' ? end - 2 : end - 1);
        }
    }

    private StructuredData structuredData(LogRecord record) {
        String id = structuredDataId;
        return id.isEmpty() ? StructuredData.NONE : StructuredData.of(id, RecordMdc.of(record));
    }

    private static SyslogFormat formatFor(String protocol, boolean appendNul) {
        switch (protocol) {
            case "rfc3164":
                return new Rfc3164Format(ZoneId.systemDefault());
            case "rfc5424":
                return new Rfc5424Format(ZoneId.systemDefault());
            default:
                return new PythonSyslogFormat(appendNul);
        }
    }

    private SyslogFraming effectiveFraming() {
        SyslogFraming chosen = framing;
        if (chosen != null) {
            return chosen;
        }
        return protocol.equals("python") ? SyslogFraming.NONE : SyslogFraming.OCTET_COUNTING;
    }

    private SyslogTransport transport() {
        synchronized (transportLock) {
            if (transport == null) {
                transport = newTransport();
            }
            return transport;
        }
    }

    private SyslogTransport newTransport() {
        SyslogAddress target = address;
        int timeoutMillis = this.timeoutMillis;
        Backoff backoff = retry.backoff();
        if (target.isUnix()) {
            UnixConnector.Kind kind = socktype == null ? UnixConnector.Kind.EITHER
                    : socktype.equals("udp") ? UnixConnector.Kind.DATAGRAM : UnixConnector.Kind.STREAM;
            UnixConnector connector = new UnixConnector(target.unixPath(), kind, effectiveFraming());
            return new StreamTransport(new ReconnectingConnection(this, "unix " + target, connector, backoff,
                    timeoutMillis, timeoutMillis), SyslogFraming.NONE, false);
        }
        if (secure) {
            TrustStore trusted = trust;
            StreamEndpoint.Connector connector = connectTimeout -> TlsEndpoint.connect(target.inet(),
                    trusted.context(), connectTimeout);
            return new StreamTransport(new ReconnectingConnection(this, "tls " + target, connector, backoff,
                    timeoutMillis, timeoutMillis), effectiveFraming(), true);
        }
        if ("tcp".equals(socktype)) {
            StreamEndpoint.Connector connector = connectTimeout -> ChannelEndpoint.connect(target.inet(),
                    connectTimeout);
            return new StreamTransport(new ReconnectingConnection(this, "tcp " + target, connector, backoff,
                    timeoutMillis, timeoutMillis), effectiveFraming(), true);
        }
        return new UdpTransport(this, target);
    }

    /** Closes the transport an option change made stale; the next record opens one with the new options. */
    private void replaceTransport() {
        synchronized (transportLock) {
            closeTransport();
        }
    }

    private void closeTransport() {
        if (transport != null) {
            transport.close();
            lostBefore.addAndGet(transport.lostRecords());
            transport = null;
        }
    }

    /** Writes a batch a queue listener handed over ({@link #handleInBatch}). */
    @Override
    public void flush() {
        SyslogTransport open;
        synchronized (transportLock) {
            open = transport;
        }
        if (open != null) {
            open.flush();
        }
    }

    /**
     * Writes what is pending and closes the socket. As in Python, a record published afterwards opens a new one.
     */
    @Override
    public void close() {
        synchronized (transportLock) {
            closeTransport();
        }
    }

    /** Names this handler, its transport and its address in error reports. */
    protected String describe() {
        return getClass().getSimpleName() + " to " + transportName() + " " + address;
    }

    private String transportName() {
        if (address.isUnix()) {
            return "unix";
        }
        return secure ? "tls" : "tcp".equals(socktype) ? "tcp" : "udp";
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + transportName() + " " + address + " " + protocol + " ("
                + getLevel().getName() + ")>";
    }

    /** This machine's name, found once when first needed. */
    private static final class LocalHost {
        static final String NAME = find();

        private static String find() {
            try {
                return HeaderField.HOSTNAME.sanitize(InetAddress.getLocalHost().getHostName());
            } catch (IOException | RuntimeException e) {
                String fromEnvironment = System.getenv("HOSTNAME");
                return HeaderField.HOSTNAME.sanitize(fromEnvironment);
            }
        }
    }
}
