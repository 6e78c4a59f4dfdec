package org.loghandlers.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.format.PythonFormatter;
import org.loghandlers.handlers.wire.HeaderText;
import org.loghandlers.handlers.wire.MailAddresses;
import org.loghandlers.handlers.wire.MailHost;
import org.loghandlers.options.Durations;
import org.loghandlers.options.LogManagerProperties;

/**
 * Mails log records: Python's {@code logging.handlers.SMTPHandler}, on Jakarta Mail (Angus Mail), which the
 * application or the server provides.
 *
 * <p>By default each record is one mail, as in Python: From {@link #setFromaddr fromaddr}, To
 * {@link #setToaddrs toaddrs} joined with commas, the fixed {@link #setSubject subject} (override
 * {@link #getSubject(LogRecord)} to build one from the record), a Date header, and the formatted record as its
 * text. Beyond Python: a digest mode ({@link #setFlushInterval flushInterval}) that collects records and sends one
 * mail per interval, and a rate limit ({@link #setMaxMailsPerMinute maxMailsPerMinute}); what either held back is
 * counted and said in the next mail. A line break in a subject or an address can never start another header.
 *
 * <p>Mails are sent on a thread of the handler's own. A logging call waits for its mail at most
 * {@link #setTimeout timeout}, not at all while the server is known to be unreachable, and never throws:
 * failures go to the {@code ErrorManager} once per outage, and sending resumes by itself when the server is back.
 * Records logged while delivering (Jakarta Mail's own, on the sending thread, or another network handler's) are not
 * mailed.
 */
public class SmtpHandler extends Handler implements FilterOnlyHandler {

    /** What to add when Jakarta Mail is missing; the configuration layer names the same artifact. */
    static final String MISSING_JAKARTA_MAIL = "Jakarta Mail is not on the class path: add"
            + " org.eclipse.angus:angus-mail (2.0.3 or later, which brings jakarta.mail:jakarta.mail-api) to the"
            + " application, or give it the server's Jakarta Mail (see docs/handlers/smtp.adoc); records are not mailed";

    private static final Formatter PYTHON_DEFAULT = new PythonFormatter(PythonFormatter.DEFAULT_FORMAT);
    private static final int DEFAULT_TIMEOUT_MILLIS = 5000;
    private static final int DEFAULT_DIGEST_CAPACITY = 1000;

    private final LongSupplier clock;
    private final MailSender sender;
    private final MailDigest digest = new MailDigest();
    private final MailRateLimit rateLimit = new MailRateLimit();
    private final OutageReporter incomplete = new OutageReporter(this);
    private final Object lifecycle = new Object();

    private volatile SmtpSettings settings = new SmtpSettings(MailHost.parse("localhost"), MailSecurity.NONE, null,
            null, DEFAULT_TIMEOUT_MILLIS, TrustStore.JVM_DEFAULT, true);
    private volatile String fromaddr;
    private volatile List<String> toaddrs = List.of();
    private volatile String subject = "Log record";
    private volatile long flushIntervalMillis;
    private volatile int digestCapacity = DEFAULT_DIGEST_CAPACITY;
    private volatile int maxMailsPerMinute;
    private volatile boolean closed;

    /**
     * A handler for {@code localhost:25} with no addresses yet (set {@code fromaddr} and {@code toaddrs}), and the
     * options the JDK's {@code logging.properties} sets for its class.
     */
    public SmtpHandler() {
        this(System::nanoTime);
        LogManagerProperties.configure(this);
    }

    /** Python's {@code SMTPHandler(mailhost, fromaddr, toaddrs, subject)}; {@code toaddrs} comma-separated. */
    public SmtpHandler(String mailhost, String fromaddr, String toaddrs, String subject) {
        this(System::nanoTime);
        setMailhost(mailhost);
        setFromaddr(fromaddr);
        setToaddrs(toaddrs);
        setSubject(subject);
    }

    /** For tests of the rate limit: {@code clock} gives monotonic nanoseconds, as {@link System#nanoTime()}. */
    SmtpHandler(LongSupplier clock) {
        this.clock = clock;
        this.sender = new MailSender(this, jakartaMailConnector());
        setErrorManager(new ReportingErrorManager());
    }

    private static MailConnector jakartaMailConnector() {
        ClassLoader loader = SmtpHandler.class.getClassLoader();
        try {
            Class.forName("jakarta.mail.Session", false, loader);
            return new JakartaMailConnector();
        } catch (ClassNotFoundException | LinkageError e) {
            return settings -> {
                throw new MailFailure(MISSING_JAKARTA_MAIL, null, false);
            };
        }
    }

    /**
     * The SMTP server: {@code host} or {@code host:port} ({@code [v6address]:port}); default {@code localhost}. The
     * port defaults to 25, or 465 with {@code secure=tls}.
     */
    public void setMailhost(String mailhost) {
        MailHost parsed = MailHost.parse(mailhost);
        update(current -> current.withMailhost(parsed));
    }

    public String getMailhost() {
        return settings.mailhost().describe();
    }

    /** The sender's address, in the From header and the envelope (Python's {@code fromaddr}). Required. */
    public void setFromaddr(String fromaddr) {
        this.fromaddr = MailAddresses.parseOne("fromaddr", fromaddr);
    }

    public String getFromaddr() {
        return fromaddr;
    }

    /** The recipients, comma-separated (Python's list {@code toaddrs}); each gets the mail. Required. */
    public void setToaddrs(String toaddrs) {
        this.toaddrs = MailAddresses.parseList("toaddrs", toaddrs);
    }

    /** The recipients as {@link #setToaddrs} takes them, separated by ", ". */
    public String getToaddrs() {
        return String.join(", ", toaddrs);
    }

    /** The subject of every mail (Python's {@code subject}); default {@code Log record}. One line. */
    public void setSubject(String subject) {
        if (subject == null || HeaderText.hasControlCharacters(subject)) {
            throw new IllegalArgumentException("subject: '" + HeaderText.singleLine(subject) + "' "
                    + (subject == null ? "is null" : "holds a line break or another control character")
                    + "; accepted: text on one line");
        }
        this.subject = subject;
    }

    public String getSubject() {
        return subject;
    }

    /**
     * {@code user:password} to log in with (split at the first colon; Python's {@code (username, password)});
     * empty for none, the default. Never shown in a message, a {@code toString()} or a log line.
     */
    public void setCredentials(String credentials) {
        if (credentials == null || credentials.isEmpty()) {
            update(current -> current.withCredentials(null, null));
            return;
        }
        int colon = credentials.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("credentials: the value (not shown) has " + (colon == 0
                    ? "no user name before the colon" : "no colon") + "; accepted: user:password, or empty for none");
        }
        String user = credentials.substring(0, colon);
        String password = credentials.substring(colon + 1);
        update(current -> current.withCredentials(user, password));
    }

    /**
     * How the connection is protected: {@code none} (default), {@code starttls} (refuse a server that does not
     * offer it) or {@code tls} (implicit TLS, SMTPS). Unlike Python, used with or without credentials.
     */
    public void setSecure(String secure) {
        update(current -> current.withSecurity(MailSecurity.parse(secure)));
    }

    public String getSecure() {
        return settings.security().optionValue();
    }

    /**
     * How long to wait for the server: for connecting, for each reply and each write, and the longest a logging call
     * waits for its mail. Default 5 seconds, as Python's {@code timeout=5.0}, from 1 ms to a day. A time option: a
     * bare number is seconds, as in Python (see {@link Durations}).
     */
    public void setTimeout(String timeout) {
        int millis = (int) Durations.millis("timeout", timeout, 1, Durations.DAY_MILLIS);
        update(current -> current.withTimeoutMillis(millis));
    }

    /** The timeout, such as {@code 5s}. */
    public String getTimeout() {
        return Durations.format(settings.timeoutMillis());
    }

    /**
     * The trust store file of the certificates trusted for {@code starttls} and {@code tls} (see
     * {@link #setTrustStoreType trustStoreType}); empty for the default, the JVM's trusted authorities.
     */
    public void setTrustStore(String trustStore) {
        update(current -> current.withTrust(current.trust().withFile(trustStore)));
    }

    /** The trust store's path; empty for the JVM's default trust. */
    public String getTrustStore() {
        return settings.trust().fileText();
    }

    /** The trust store's password; empty for none. Never shown. */
    public void setTrustStorePassword(String trustStorePassword) {
        update(current -> current.withTrust(current.trust().withPassword(trustStorePassword)));
    }

    /** The trust store's type: {@code PKCS12} (the default) or {@code JKS}, or another type this JVM supports. */
    public void setTrustStoreType(String trustStoreType) {
        update(current -> current.withTrust(current.trust().withType(trustStoreType)));
    }

    public String getTrustStoreType() {
        return settings.trust().type();
    }

    /**
     * Whether the server's certificate must name the host of {@code mailhost} (default true). Turn it off only for a
     * server reached by an address its certificate does not name, whose certificate the trust store pins.
     */
    public void setCheckServerIdentity(boolean checkServerIdentity) {
        update(current -> current.withCheckServerIdentity(checkServerIdentity));
    }

    public boolean isCheckServerIdentity() {
        return settings.checkServerIdentity();
    }

    /**
     * Digest mode: how long to collect records before they go out in one mail, counted from the first record of
     * the digest; 0 (default) mails each record at once, as Python does; at most a day. A time option as
     * {@link #setTimeout timeout} ({@code 60} is a minute). {@link #close()} sends what is held.
     */
    public void setFlushInterval(String flushInterval) {
        this.flushIntervalMillis = Durations.millis("flushInterval", flushInterval, 0, Durations.DAY_MILLIS);
    }

    /** The digest interval, such as {@code 0s} or {@code 1m}. */
    public String getFlushInterval() {
        return Durations.format(flushIntervalMillis);
    }

    /** In digest mode, the most records one mail holds (default 1000); further ones are counted in it. */
    public void setDigestCapacity(int digestCapacity) {
        if (digestCapacity < 1) {
            throw new IllegalArgumentException("digestCapacity: " + digestCapacity + " is not a capacity; accepted:"
                    + " 1 or more records");
        }
        this.digestCapacity = digestCapacity;
    }

    public int getDigestCapacity() {
        return digestCapacity;
    }

    /**
     * The most mails sent in any sixty seconds; 0 (default) for no limit. Records that would exceed it are not
     * mailed, and the next mail says how many were held back.
     */
    public void setMaxMailsPerMinute(int maxMailsPerMinute) {
        if (maxMailsPerMinute < 0) {
            throw new IllegalArgumentException("maxMailsPerMinute: " + maxMailsPerMinute + " is negative; accepted:"
                    + " 0 (no limit) or more mails");
        }
        this.maxMailsPerMinute = maxMailsPerMinute;
        rateLimit.setLimit(maxMailsPerMinute);
    }

    public int getMaxMailsPerMinute() {
        return maxMailsPerMinute;
    }

    /** How many records the rate limit has kept from being mailed since this handler was made. */
    public long getHeldBackCount() {
        return sender.heldBackTotal();
    }

    /** How many records could not be mailed because sending failed, since this handler was made. */
    public long getLostRecordCount() {
        return sender.lostTotal();
    }

    /** How many mails the server has accepted from this handler. */
    public long getSentMailCount() {
        return sender.sentMails();
    }

    /** The subject of the mail for {@code record}: Python's hook, {@link #getSubject()} unless overridden. */
    protected String getSubject(LogRecord record) {
        return subject;
    }

    /**
     * The recipients of the mail for {@code record}: {@link #setToaddrs toaddrs} unless overridden (beyond Python,
     * for routing by record). An address with a line break is refused and the record reported, not mailed.
     */
    protected List<String> getToaddrs(LogRecord record) {
        return toaddrs;
    }

    @Override
    public void publish(LogRecord record) {
        if (record != null && isLoggable(record)) {
            emit(record);
        }
    }

    /** Python's {@code handle}: applies the filter but not the level, as a memory or queue target expects. */
    @Override
    public void handle(LogRecord record) {
        if (record != null && Targets.passesFilter(this, record)) {
            emit(record);
        }
    }

    private void emit(LogRecord record) {
        if (closed || DeliveryThreads.delivering()) {
            return;
        }
        String from = fromaddr;
        if (from == null || toaddrs.isEmpty()) {
            incomplete.failed(describe() + ": " + (from == null ? "fromaddr" : "toaddrs") + " is not set; records"
                    + " are not mailed", null, ErrorManager.GENERIC_FAILURE);
            return;
        }
        incomplete.succeeded();
        String text;
        String mailSubject;
        List<String> to;
        try {
            Formatter formatter = getFormatter();
            text = (formatter != null ? formatter : PYTHON_DEFAULT).format(record);
            mailSubject = HeaderText.singleLine(getSubject(record));
            to = recipients(record);
        } catch (RuntimeException e) {
            reportError(describe() + ": could not make a mail of a record of logger " + record.getLoggerName()
                    + ": " + e.getMessage(), e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        long interval = flushIntervalMillis;
        if (interval > 0) {
            if (digest.add(from, to, mailSubject, text, digestCapacity)) {
                sender.schedule(this::sendDigest, TimeUnit.MILLISECONDS.toNanos(interval));
            }
            return;
        }
        if (!rateLimit.tryAcquire(clock.getAsLong())) {
            sender.heldBack(1);
            return;
        }
        OutgoingMail mail = new OutgoingMail(from, to, mailSubject, List.of(text), 0);
        boolean serverReachable = !sender.inOutage();
        if (sender.submit(mail) && serverReachable) {
            mail.awaitFinished(TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()));
        }
    }

    private List<String> recipients(LogRecord record) {
        List<String> to = getToaddrs(record);
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("getToaddrs gave no recipient");
        }
        List<String> checked = new ArrayList<>(to.size());
        for (String address : to) {
            checked.add(MailAddresses.check("toaddrs", address));
        }
        return List.copyOf(checked);
    }

    /** Runs on the sender's thread when a digest is due; waits for the rate limit if it must. */
    private void sendDigest() {
        long now = clock.getAsLong();
        if (!rateLimit.tryAcquire(now)) {
            sender.schedule(this::sendDigest, Math.max(1, rateLimit.nanosUntilAllowed(now)));
            return;
        }
        OutgoingMail mail = digest.take();
        if (mail != null) {
            sender.submit(mail);
        }
    }

    SmtpSettings settings() {
        return settings;
    }

    /** One setter's change of the connection settings; setters may run while other threads log. */
    private synchronized void update(UnaryOperator<SmtpSettings> change) {
        settings = change.apply(settings);
    }

    /** Nothing to flush: a digest goes out when its interval ends, or on {@link #close()}. */
    @Override
    public void flush() {
    }

    /**
     * Sends what a digest holds (the rate limit does not apply to this last mail) and what is queued, waiting at
     * most twice the timeout, then stops the sending thread. Later records are ignored. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        OutgoingMail last = digest.take();
        if (last != null) {
            sender.submit(last);
        }
        sender.shutdown(2 * TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()));
    }

    public boolean isClosed() {
        return closed;
    }

    /** Names this handler and its server in error reports; never its credentials. */
    protected String describe() {
        return getClass().getSimpleName() + "(" + settings.describe() + ")";
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + settings.describe() + " (" + getLevel().getName() + ")>";
    }
}
