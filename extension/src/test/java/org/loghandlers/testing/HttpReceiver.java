package org.loghandlers.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A web server on loopback (the JDK's {@code com.sun.net.httpserver}) that keeps every request it gets and answers
 * with the statuses a test plans (200 by default), optionally only after a test lets it. It can stop and start
 * again on the same port, as a restarted receiver would.
 */
public final class HttpReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers,
            byte[] body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The fields of the form in the query (GET) or the body (POST), decoded, in their order. */
        public Map<String, String> form() {
            String data = method.equals("GET") ? query : bodyText();
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : data.split("&")) {
                int equals = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
            return fields;
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final BlockingDeque<Integer> plannedStatuses = new LinkedBlockingDeque<>();
    private final SSLContext tls;
    private volatile CountDownLatch answering = new CountDownLatch(0);
    private volatile int port;
    private HttpServer server;
    private ExecutorService executor;

    private HttpReceiver(SSLContext tls) {
        this.tls = tls;
    }

    /** A plain HTTP receiver on a free port of 127.0.0.1. */
    public static HttpReceiver start() {
        HttpReceiver receiver = new HttpReceiver(null);
        receiver.listen(0);
        return receiver;
    }

    /** An HTTPS receiver whose certificate is the key entry of {@code keyStore} (PKCS12). */
    public static HttpReceiver startTls(Path keyStore, String password) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, password.toCharArray());
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            HttpReceiver receiver = new HttpReceiver(context);
            receiver.listen(0);
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void listen(int wanted) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted);
            if (tls == null) {
                server = HttpServer.create(address, 50);
            } else {
                HttpsServer https = HttpsServer.create(address, 50);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
            executor = Executors.newCachedThreadPool();
            server.setExecutor(executor);
            server.createContext("/", this::answer);
            server.start();
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            Integer planned = plannedStatuses.poll();
            int status = planned == null ? 200 : planned;
            if (status < 400) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), headers, body));
            }
            try {
                answering.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, as a handler's {@code host} option. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    /** The next requests are answered with these statuses, one each, and are not kept when 400 or more. */
    public void plan(int... statuses) {
        for (int status : statuses) {
            plannedStatuses.add(status);
        }
    }

    /** Answers nothing until {@link #answerAgain()}: requests are kept but wait for their response. */
    public void holdAnswers() {
        answering = new CountDownLatch(1);
    }

    public void answerAgain() {
        answering.countDown();
    }

    /** The requests answered with a status below 400, in arrival order. */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** Waits until at least {@code count} requests were kept; returns them. */
    public List<Request> awaitRequests(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (requests.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return requests();
    }

    /** Stops listening; the port stays free for {@link #restart()}. */
    public synchronized void stop() {
        answerAgain();
        server.stop(0);
        executor.shutdownNow();
    }

    /** Listens again on the same port. */
    public synchronized void restart() {
        listen(port);
    }

    @Override
    public void close() {
        stop();
    }
}
