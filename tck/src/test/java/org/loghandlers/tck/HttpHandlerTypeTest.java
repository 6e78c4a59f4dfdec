package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.cdi.LogHandler;
import org.loghandlers.format.JsonFormatter;
import org.loghandlers.handlers.HttpHandler;

/**
 * Type {@code http} declared in properties: every option arrives through its setter, and records logged in the
 * deployment reach a real web server on loopback (the JDK's {@code com.sun.net.httpserver}).
 */
@Tag(Containers.WELD_SE)
class HttpHandlerTypeTest {

    /** What the server got: method, path and query, the Authorization and Content-Type headers, the body. */
    record Received(String request, String authorization, String contentType, String body) {
    }

    @TempDir
    Path work;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static Handler handler(WeldDeployment deployment, String name) {
        return deployment.container().select(Handler.class, LogHandler.Literal.of(name)).get();
    }

    @Test
    void everyOptionIsAppliedAndRecordsReachTheServer() {
        String host = "127.0.0.1:" + server.getAddress().getPort();
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.ship.type=http
                loghandlers.handler.ship.host=%1$s
                loghandlers.handler.ship.url=/ingest?app=tck
                loghandlers.handler.ship.format=json
                loghandlers.handler.ship.formatter=json
                loghandlers.handler.ship.batch-size=2
                loghandlers.handler.ship.linger=PT0.05S
                loghandlers.handler.ship.timeout=2s
                loghandlers.handler.ship.retries=1
                loghandlers.handler.ship.retry-delay=10ms
                loghandlers.handler.ship.credentials=tck:s3cret
                loghandlers.handler.ship.level=INFO
                loghandlers.handler.ship.loggers=tck.http
                loghandlers.handler.form.type=http
                loghandlers.handler.form.host=%1$s
                loghandlers.handler.form.url=/form
                loghandlers.handler.form.method=post
                loghandlers.handler.form.loggers=tck.httpform
                """.formatted(host))) {
            HttpHandler ship = (HttpHandler) handler(deployment, "ship");
            assertEquals(host, ship.getHost());
            assertEquals("/ingest?app=tck", ship.getUrl());
            assertEquals("json", ship.getFormat());
            assertTrue(ship.getFormatter() instanceof JsonFormatter, String.valueOf(ship.getFormatter()));
            assertEquals(2, ship.getBatchSize());
            assertEquals("50ms", ship.getLinger());
            assertEquals("2s", ship.getTimeout());
            assertEquals(1, ship.getRetries());
            assertEquals("10ms", ship.getRetryDelay());
            assertEquals(Level.INFO, ship.getLevel());
            assertTrue(!ship.toString().contains("s3cret"), ship.toString());
            HttpHandler form = (HttpHandler) handler(deployment, "form");
            assertEquals("POST", form.getMethod());
            assertEquals("form", form.getFormat());

            Logger.getLogger("tck.http").info("shipped from the tck");
            Logger.getLogger("tck.http").fine("below the level");
            Logger.getLogger("tck.httpform").warning("a form {0}");
            ship.flush();
        }
        List<Received> requests = List.copyOf(received);
        assertEquals(2, requests.size(), requests.toString());
        Received json = requests.stream().filter(r -> r.request().startsWith("POST /ingest")).findFirst()
                .orElseThrow();
        assertEquals("POST /ingest?app=tck", json.request());
        assertEquals("application/json", json.contentType());
        assertEquals("Basic dGNrOnMzY3JldA==", json.authorization());
        assertTrue(json.body().startsWith("[{") && json.body().contains("\"message\":\"shipped from the tck\"")
                && !json.body().contains("below the level"), json.body());
        Received posted = requests.stream().filter(r -> r.request().startsWith("POST /form")).findFirst()
                .orElseThrow();
        assertEquals("application/x-www-form-urlencoded", posted.contentType());
        assertTrue(posted.body().startsWith("name=tck.httpform&msg=a+form+%7B0%7D&args=%28%29&levelname=WARNING&"),
                posted.body());
    }
}
