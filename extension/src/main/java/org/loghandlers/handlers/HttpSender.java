package org.loghandlers.handlers;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

/**
 * Delivers requests through one {@link HttpClient} of the JDK: each delivery gets a deadline it never passes,
 * within which a 5xx answer, a 429 or a failed connection are tried again after a delay that doubles. The client
 * is made on first use from the connection settings and made again when they change; its threads are ours, daemon
 * threads that end when the sender is closed.
 */
final class HttpSender {

    /** The connection settings; a change makes a new client. */
    static final class Settings {
        final long timeoutMillis;
        final boolean secure;
        final TrustStore trust;

        Settings(long timeoutMillis, boolean secure, TrustStore trust) {
            this.timeoutMillis = timeoutMillis;
            this.secure = secure;
            this.trust = trust;
        }

        @Override
        public String toString() {
            return "timeout " + timeoutMillis + " ms" + (secure ? ", TLS, trust store " + trust : "");
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ThreadPoolExecutor executor;
    private Settings builtFor;
    private HttpClient client;

    HttpSender() {
        executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> DeliveryThreads.newThread(task, "loghandlers-http-" + THREADS.incrementAndGet()));
    }

    /** The client for {@code settings}, made now if the settings changed since the last one. */
    synchronized HttpClient client(Settings settings) throws DeliveryFailure {
        if (client == null || builtFor != settings) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofMillis(settings.timeoutMillis))
                    .executor(executor);
            if (settings.secure) {
                builder.sslContext(sslContext(settings));
            }
            client = DeliveryThreads.withoutContextClassLoader(builder::build);
            builtFor = settings;
        }
        return client;
    }

    private static SSLContext sslContext(Settings settings) throws DeliveryFailure {
        try {
            return settings.trust.context();
        } catch (IOException e) {
            throw new DeliveryFailure(e.getMessage(), e);
        }
    }

    /**
     * Sends {@code request} until it is answered below 400, trying again up to {@code retries} times on a 5xx, a
     * 429 or an I/O failure, {@code retryDelayMillis} after the first failure and twice as long after each next
     * one, but never past {@code deadlineNanos} (a {@link System#nanoTime()} value).
     *
     * @throws DeliveryFailure with the last reason when it was not delivered
     * @throws InterruptedException when the calling thread is interrupted; the request is cancelled
     */
    void deliver(HttpClient to, HttpRequest request, long deadlineNanos, int retries, long retryDelayMillis)
            throws DeliveryFailure, InterruptedException {
        long delayNanos = TimeUnit.MILLISECONDS.toNanos(retryDelayMillis);
        for (int attempt = 1; ; attempt++) {
            String reason;
            Throwable cause = null;
            CompletableFuture<HttpResponse<Void>> response =
                    to.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            try {
                int status = response.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)
                        .statusCode();
                if (status < 400) {
                    return;
                }
                reason = "HTTP status " + status;
                if (status < 500 && status != 429) {
                    throw new DeliveryFailure(reason + " (not tried again)", null);
                }
            } catch (TimeoutException e) {
                response.cancel(true);
                throw new DeliveryFailure("no answer within the timeout" + attempts(attempt), e);
            } catch (InterruptedException e) {
                response.cancel(true);
                throw e;
            } catch (ExecutionException | CancellationException e) {
                cause = e instanceof ExecutionException ? e.getCause() : e;
                if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                    throw new DeliveryFailure("no answer within the timeout" + attempts(attempt), cause);
                }
                if (!(cause instanceof IOException)) {
                    throw new DeliveryFailure(String.valueOf(cause), cause);
                }
                reason = cause.toString();
            }
            long wait = delayNanos << Math.min(attempt - 1, 20);
            if (attempt > retries || System.nanoTime() + wait >= deadlineNanos) {
                throw new DeliveryFailure(reason + attempts(attempt), cause);
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static String attempts(int attempts) {
        return attempts == 1 ? "" : " (" + attempts + " attempts)";
    }

    /** Drops the client and ends its threads; a request still running fails. */
    synchronized void close() {
        client = null;
        builtFor = null;
        executor.shutdownNow();
    }
}
