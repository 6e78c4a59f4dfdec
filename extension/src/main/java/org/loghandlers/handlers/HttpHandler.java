package org.loghandlers.handlers;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.format.JsonFormatter;
import org.loghandlers.format.PythonRecordDict;
import org.loghandlers.handlers.wire.FormBody;
import org.loghandlers.handlers.wire.JsonBody;
import org.loghandlers.options.Durations;
import org.loghandlers.options.LogManagerProperties;

/**
 * Sends records to a web server: Python's {@code logging.handlers.HTTPHandler}. By default each record is one
 * request, exactly as Python makes it: the record's attribute dictionary (the message template unmerged, its
 * arguments as a Python tuple) url-encoded into the query of a GET, or into an
 * {@code application/x-www-form-urlencoded} POST body; the formatter is not used. Options after Python's
 * parameters: {@link #setHost host} (with an optional port), {@link #setUrl url}, {@link #setMethod method},
 * {@link #setSecure secure}, {@link #setCredentials credentials} (HTTP Basic) and a trust store for TLS (Python's
 * {@code context}).
 *
 * <p>Beyond Python: {@link #setFormat format} {@code json} or {@code json-lines} POSTs the formatter's JSON (a
 * {@link JsonFormatter} unless another is set), in batches of up to {@link #setBatchSize batchSize} records sent
 * by a thread of the handler when a batch is full, after {@link #setLinger linger}, on {@link #flush} and on
 * {@link #close}; a 5xx answer, a 429 or a failed connection is tried again ({@link #setRetries retries},
 * {@link #setRetryDelay retryDelay}); a logging call never waits longer than {@link #setTimeout timeout}; what
 * could not be delivered is counted and reported once per outage through the {@code ErrorManager}. Credentials
 * never appear in a message or in {@link #toString()}.
 */
public class HttpHandler extends Handler implements FilterOnlyHandler {

    static final long DEFAULT_TIMEOUT_MILLIS = 5000;
    static final int DEFAULT_RETRIES = 3;
    static final long DEFAULT_RETRY_DELAY_MILLIS = 100;

    private static final String FORM = HttpOptionValues.FORM;
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private final OutageReporter outage = new OutageReporter(this);
    private final AtomicLong lostRecords = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicInteger sendingOnCallers = new AtomicInteger();
    private final HttpSender sender = new HttpSender();
    private final Object batcherCreation = new Object();

    private volatile String host;
    private volatile String url;
    private volatile String method = "GET";
    private volatile boolean secure;
    private volatile String authorization;
    private volatile TrustStore trust = TrustStore.JVM_DEFAULT;
    private volatile long timeoutMillis = DEFAULT_TIMEOUT_MILLIS;
    private volatile HttpSender.Settings settings = settings();
    private volatile String format = FORM;
    private volatile int batchSize = 1;
    private volatile long lingerMillis;
    private volatile int retries = DEFAULT_RETRIES;
    private volatile long retryDelayMillis = DEFAULT_RETRY_DELAY_MILLIS;
    private volatile JsonFormatter defaultJson;
    private volatile RecordBatcher batcher;
    private volatile boolean closed;

    /**
     * A handler to be configured through its setters ({@code host} and {@code url} are required), starting from
     * what the JDK's {@code logging.properties} sets for its class.
     */
    public HttpHandler() {
        setErrorManager(new ReportingErrorManager());
        LogManagerProperties.configure(this);
    }

    /** Python's {@code HTTPHandler(host, url, method)}. */
    public HttpHandler(String host, String url, String method) {
        setErrorManager(new ReportingErrorManager());
        setHost(host);
        setUrl(url);
        setMethod(method);
    }

    // ---- options

    /**
     * The server, {@code host} or {@code host:port} ({@code [::1]:8080} for IPv6); without a port, 80 or 443 as
     * {@link #setSecure secure} says. Required.
     */
    public void setHost(String host) {
        this.host = HttpOptionValues.host(host);
    }

    public String getHost() {
        return host;
    }

    /** The path requests go to, such as {@code /log}, optionally with a query ({@code /log?app=shop}). Required. */
    public void setUrl(String url) {
        this.url = HttpOptionValues.url(url);
    }

    public String getUrl() {
        return url;
    }

    /** {@code GET} (default: the record in the query) or {@code POST} (the record as a form body), any case. */
    public void setMethod(String method) {
        this.method = HttpOptionValues.method(method);
    }

    public String getMethod() {
        return method;
    }

    /** Whether to use HTTPS; default false. Certificates are verified, against the trust store if one is set. */
    public void setSecure(boolean secure) {
        this.secure = secure;
        settingsChanged();
    }

    public boolean isSecure() {
        return secure;
    }

    /**
     * HTTP Basic credentials as {@code user:password} (Python's {@code (user, password)} tuple), sent UTF-8 encoded
     * in an {@code Authorization} header; empty for none (the default). Never shown in a message; over plain HTTP
     * the handler warns once.
     */
    public void setCredentials(String credentials) {
        this.authorization = HttpOptionValues.basicAuthorization(credentials);
    }

    /**
     * The key store file of the certificates to trust over HTTPS, instead of the JDK's {@code cacerts} (Python's
     * {@code context}); empty for the default.
     */
    public void setTrustStore(String trustStore) {
        trust(current -> current.withFile(trustStore));
    }

    /** The trust store's path; empty for the JVM's default trust. */
    public String getTrustStore() {
        return trust.fileText();
    }

    /** The trust store's password; empty for none. Never shown in a message. */
    public void setTrustStorePassword(String trustStorePassword) {
        trust(current -> current.withPassword(trustStorePassword));
    }

    /** The trust store's type: {@code PKCS12} (the default) or {@code JKS}, or another type this JVM supports. */
    public void setTrustStoreType(String trustStoreType) {
        trust(current -> current.withType(trustStoreType));
    }

    public String getTrustStoreType() {
        return trust.type();
    }

    private synchronized void trust(UnaryOperator<TrustStore> change) {
        trust = change.apply(trust);
        settingsChanged();
    }

    /** Makes the connection settings anew from the options, which a setter has just changed. */
    private synchronized void settingsChanged() {
        settings = settings();
    }

    /**
     * The longest a logging call (or a batch) waits for its request, connecting, answer and retries included;
     * default 5 seconds, from 1 ms to a day. A time option: a bare number is seconds, as Python's (see
     * {@link Durations}).
     */
    public void setTimeout(String timeout) {
        this.timeoutMillis = Durations.millis("timeout", timeout, 1, Durations.DAY_MILLIS);
        settingsChanged();
    }

    /** The timeout, such as {@code 5s}. */
    public String getTimeout() {
        return Durations.format(timeoutMillis);
    }

    /**
     * What a request carries: {@code form} (default: Python's, one record per request), {@code json} (a JSON array
     * of the records of a batch) or {@code json-lines} (one JSON object per line). Both JSON forms are POSTed
     * whatever {@link #setMethod method} says.
     */
    public void setFormat(String format) {
        this.format = HttpOptionValues.format(format);
    }

    public String getFormat() {
        return format;
    }

    /**
     * With a JSON format, the most records one request carries; default 1. Above 1, or with a {@link #setLinger
     * linger}, records are sent by a thread of the handler, not by the logging thread.
     */
    public void setBatchSize(int batchSize) {
        this.batchSize = HttpOptionValues.inRange("batchSize", batchSize, 1, 100_000, " records");
    }

    public int getBatchSize() {
        return batchSize;
    }

    /**
     * With a JSON format, how long a batch waits for more records before it is sent; default 0: a batch goes as
     * soon as the previous request is done. A time option as {@link #setTimeout timeout}, from 0 to a day.
     */
    public void setLinger(String linger) {
        this.lingerMillis = Durations.millis("linger", linger, 0, Durations.DAY_MILLIS);
    }

    /** The linger, such as {@code 0s} or {@code 50ms}. */
    public String getLinger() {
        return Durations.format(lingerMillis);
    }

    /** How many times a request is tried again after a 5xx, a 429 or a failed connection; default 3. */
    public void setRetries(int retries) {
        this.retries = HttpOptionValues.inRange("retries", retries, 0, 100, "");
    }

    public int getRetries() {
        return retries;
    }

    /**
     * The wait before the first retry, doubled before each next one, all within the {@link #setTimeout timeout};
     * default 100 ms. A time option as {@code timeout}, from 0 to a day.
     */
    public void setRetryDelay(String retryDelay) {
        this.retryDelayMillis = Durations.millis("retryDelay", retryDelay, 0, Durations.DAY_MILLIS);
    }

    /** The first retry's delay, such as {@code 100ms}. */
    public String getRetryDelay() {
        return Durations.format(retryDelayMillis);
    }

    private HttpSender.Settings settings() {
        return new HttpSender.Settings(timeoutMillis, secure, trust);
    }

    /** How many records could not be delivered since this handler was made. */
    public long getLostRecordCount() {
        return lostRecords.get();
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

    private void emit(LogRecord record) {
        if (DeliveryThreads.delivering()) {
            return;
        }
        warnOnceAtStart();
        if (host == null || url == null) {
            lose(1, describe() + ": " + (host == null ? "host" : "url") + " is not set; records are discarded",
                    null);
            return;
        }
        try {
            if (FORM.equals(format)) {
                sendOnThisThread(formRequest(FormBody.encode(PythonRecordDict.unmerged(record))), 1);
                return;
            }
            String json = json(record);
            if (json == null) {
                return;
            }
            if (batchSize > 1 || lingerMillis > 0) {
                RecordBatcher batches = batcher();
                if (batches != null && !batches.add(json, TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) && !closed) {
                    lose(1, describe() + ": no room for a record within the timeout: the server takes records"
                            + " more slowly than they are logged", null);
                }
            } else {
                sendOnThisThread(jsonRequest(List.of(json)), 1);
            }
        } catch (RuntimeException e) {
            lostRecords.incrementAndGet();
            reportError(describe() + ": could not encode a record of logger " + record.getLoggerName(), e,
                    ErrorManager.FORMAT_FAILURE);
        }
    }

    private HttpRequest formRequest(String data) {
        String target = base() + url;
        HttpRequest.Builder request;
        if (method.equals("GET")) {
            request = newRequest(target + (url.indexOf('?') >= 0 ? '&' : '?') + data).GET();
        } else {
            request = newRequest(target).header("Content-type", FORM_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(data, StandardCharsets.UTF_8));
        }
        return request.build();
    }

    private HttpRequest jsonRequest(List<String> batch) {
        JsonBody body = HttpOptionValues.JSON.equals(format) ? JsonBody.ARRAY : JsonBody.LINES;
        return newRequest(base() + url).header("Content-type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(body.join(batch), StandardCharsets.UTF_8)).build();
    }

    private HttpRequest.Builder newRequest(String target) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .timeout(java.time.Duration.ofMillis(timeoutMillis))
                .header("Accept-Encoding", "identity");
        String credentials = authorization;
        if (credentials != null) {
            request.header("Authorization", credentials);
        }
        return request;
    }

    private String base() {
        return (secure ? "https://" : "http://") + host;
    }

    /** The record in JSON, without a line break at its end; null, reported, when the formatter failed. */
    private String json(LogRecord record) {
        Formatter formatter = getFormatter();
        if (formatter == null) {
            JsonFormatter made = defaultJson;
            if (made == null) {
                made = new JsonFormatter();
                defaultJson = made;
            }
            formatter = made;
        }
        try {
            String text = formatter.format(record);
            int end = text.length();
            while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
            return text.substring(0, end);
        } catch (RuntimeException e) {
            reportError(describe() + ": could not format a record of logger " + record.getLoggerName(), e,
                    ErrorManager.FORMAT_FAILURE);
            return null;
        }
    }

    private void sendOnThisThread(HttpRequest request, int records) {
        if (!DeliveryThreads.begin()) {
            return;
        }
        sendingOnCallers.incrementAndGet();
        try {
            send(request, records);
        } finally {
            sendingOnCallers.decrementAndGet();
            DeliveryThreads.done();
        }
    }

    /** Sends a batch on the batcher's thread. */
    private void sendBatch(List<String> batch) {
        if (!batch.isEmpty()) {
            send(jsonRequest(batch), batch.size());
        }
    }

    /** Delivers one request within the timeout; while an outage lasts, without retries. */
    private void send(HttpRequest request, int records) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        String what = records == 1 ? "a record" : records + " records";
        try {
            sender.deliver(sender.client(settings), request, deadline, outage.inOutage() ? 0 : retries,
                    retryDelayMillis);
            outage.succeeded();
        } catch (DeliveryFailure e) {
            lose(records, describe() + ": could not deliver " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lose(records, describe() + ": interrupted while delivering " + what, e);
        } catch (RuntimeException e) {
            lose(records, describe() + ": could not deliver " + what + ": " + e, e);
        }
    }

    private void lose(int records, String message, Exception cause) {
        lostRecords.addAndGet(records);
        outage.failed(message, cause, ErrorManager.WRITE_FAILURE);
    }

    private RecordBatcher batcher() {
        RecordBatcher made = batcher;
        if (made == null) {
            synchronized (batcherCreation) {
                made = batcher;
                if (made == null && !closed) {
                    made = new RecordBatcher("loghandlers-http-batches " + describe(), () -> batchSize,
                            () -> TimeUnit.MILLISECONDS.toNanos(lingerMillis), this::sendBatch);
                    batcher = made;
                }
            }
        }
        return made;
    }

    /** The warnings a configuration deserves, once, with the first record. */
    private void warnOnceAtStart() {
        if (started.get() || !started.compareAndSet(false, true)) {
            return;
        }
        if (authorization != null && !secure) {
            reportError(describe() + ": credentials are sent over plain HTTP, readable by anyone on the way; set"
                    + " secure=true", null, ErrorManager.GENERIC_FAILURE);
        }
        if (trust.file() != null && !secure) {
            reportError(describe() + ": trust-store is set but secure is false, so it is not used", null,
                    ErrorManager.GENERIC_FAILURE);
        }
        if (FORM.equals(format) && (batchSize > 1 || lingerMillis > 0)) {
            reportError(describe() + ": batch-size and linger apply to format json and json-lines; format form"
                    + " sends one request per record, as Python does", null, ErrorManager.GENERIC_FAILURE);
        }
    }

    /** Sends the records waiting in a batch, waiting up to the timeout for them to be delivered. */
    @Override
    public void flush() {
        RecordBatcher waiting = batcher;
        if (waiting != null) {
            waiting.flush(TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        }
    }

    /**
     * Sends what is waiting, within the timeout, and stops the handler's threads; records still waiting then are
     * counted as lost and reported. Later records are ignored. Idempotent.
     */
    @Override
    public void close() {
        synchronized (batcherCreation) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        RecordBatcher waiting = batcher;
        if (waiting != null) {
            int left = waiting.close(deadline - System.nanoTime());
            if (left > 0) {
                lostRecords.addAndGet(left);
                reportError(describe() + ": closed with " + left + " records not delivered within the timeout", null,
                        ErrorManager.CLOSE_FAILURE);
            }
        }
        while (sendingOnCallers.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        sender.close();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Names this handler, its method and its address in error reports; never its credentials. */
    protected String describe() {
        String target = (secure ? "https://" : "http://") + (host == null ? "(no host)" : host)
                + (url == null ? "" : url);
        return "HttpHandler " + (FORM.equals(format) ? method : "POST") + " " + target;
    }

    @Override
    public String toString() {
        return "<" + describe() + " (" + getLevel().getName() + ")>";
    }
}
