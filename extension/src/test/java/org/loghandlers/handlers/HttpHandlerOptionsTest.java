package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.HttpReceiver;
import org.loghandlers.testing.PlainJvm;

/** HttpHandler's options: their defaults, the values they refuse in the setter, and logging.properties. */
class HttpHandlerOptionsTest {

    @TempDir
    Path dir;

    @Test
    void everyOptionIsAJavaBeanPropertyWithOneSetter() throws Exception {
        JavaBeanOptions.assertConfigurable(HttpHandler.class, "host", "url", "method", "secure", "trustStore",
                "trustStoreType", "timeout", "format", "batchSize", "linger", "retries", "retryDelay");
    }

    @Test
    void theDefaultsArePythonsWhereItHasOne() {
        HttpHandler handler = new HttpHandler();
        assertNull(handler.getHost());
        assertNull(handler.getUrl());
        assertEquals("GET", handler.getMethod());
        assertFalse(handler.isSecure());
        assertEquals("", handler.getTrustStore(), "the JVM's default trust");
        assertEquals("PKCS12", handler.getTrustStoreType());
        assertEquals("form", handler.getFormat());
        assertEquals("5s", handler.getTimeout());
        assertEquals(1, handler.getBatchSize());
        assertEquals("0s", handler.getLinger());
        assertEquals(3, handler.getRetries());
        assertEquals("100ms", handler.getRetryDelay());
        handler.close();
    }

    @Test
    void acceptsPythonsSpellingsAndDurationsInEveryForm() {
        HttpHandler handler = new HttpHandler();
        handler.setHost(" logs.example.com:9022 ");
        assertEquals("logs.example.com:9022", handler.getHost());
        handler.setHost("[::1]:8080");
        handler.setHost("localhost");
        handler.setUrl("/log?app=shop");
        handler.setMethod("post");
        assertEquals("POST", handler.getMethod());
        handler.setTimeout("PT2.5S");
        assertEquals("2500ms", handler.getTimeout());
        handler.setTimeout("3s");
        assertEquals("3s", handler.getTimeout());
        handler.setTimeout("1.5");
        assertEquals("1500ms", handler.getTimeout(), "a bare number is seconds, as Python's timeout");
        handler.setLinger("250ms");
        assertEquals("250ms", handler.getLinger());
        handler.setRetryDelay("0.05");
        assertEquals("50ms", handler.getRetryDelay());
        handler.setFormat("JSON-Lines");
        assertEquals("json-lines", handler.getFormat());
        handler.setCredentials("");
        handler.setTrustStore("");
        assertEquals("", handler.getTrustStore());
        handler.close();
    }

    private static void assertRefused(Consumer<HttpHandler> setter, String... inTheMessage) {
        HttpHandler handler = new HttpHandler();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> setter.accept(handler));
        for (String expected : inTheMessage) {
            assertTrue(refused.getMessage().contains(expected), () -> "'" + expected + "' in " + refused.getMessage());
        }
        handler.close();
    }

    @Test
    void badValuesFailInTheSetterNamingTheValueAndWhatIsAccepted() {
        assertRefused(h -> h.setMethod("PUT"), "method: 'PUT'", "accepted: GET or POST");
        for (String host : new String[] {"", "h:0", "h:70000", "h:abc", "h:", "has space", "h/x", "::1",
            "user@h"}) {
            assertRefused(h -> h.setHost(host), "host: '" + host + "'", "accepted: a host name or address");
        }
        for (String url : new String[] {"log", "/a b", "/log#part", "//other/log", "http://h/log"}) {
            assertRefused(h -> h.setUrl(url), "url: '" + url + "'", "accepted: a path starting with /");
        }
        assertRefused(h -> h.setTimeout("soon"), "timeout: 'soon'", "accepted: a number of seconds");
        assertRefused(h -> h.setTimeout("0"), "timeout: '0' is out of range");
        assertRefused(h -> h.setLinger("-1"), "linger: '-1'");
        assertRefused(h -> h.setRetryDelay("x"), "retryDelay: 'x'");
        assertRefused(h -> h.setBatchSize(0), "batchSize: 0 is out of range; accepted: 1 to 100000");
        assertRefused(h -> h.setRetries(-1), "retries: -1");
        assertRefused(h -> h.setFormat("xml"), "format: 'xml'", "accepted: form", "json or json-lines");
        assertRefused(h -> h.setTrustStore(dir.resolve("missing.p12").toString()), "missing.p12",
                "is not a readable file");
        assertRefused(h -> h.setTrustStoreType("NOPE"), "trustStoreType: 'NOPE'", "accepted: PKCS12 (the default) or JKS");
    }

    @Test
    void refusedCredentialsAreNotShownInTheMessage() {
        HttpHandler handler = new HttpHandler();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> handler.setCredentials("only-a-secret-token"));
        assertFalse(refused.getMessage().contains("only-a-secret-token"), refused.getMessage());
        assertTrue(refused.getMessage().contains("accepted: user:password"), refused.getMessage());
        handler.close();
    }

    @Test
    void withoutAHostRecordsAreReportedOnceAndCounted() {
        HttpHandler handler = new HttpHandler();
        CountingErrorManager errors = new CountingErrorManager();
        handler.setErrorManager(errors);
        handler.publish(new LogRecord(Level.INFO, "one"));
        handler.publish(new LogRecord(Level.INFO, "two"));
        assertEquals(1, errors.count());
        assertTrue(errors.reports().get(0).message().contains("host is not set"), errors.reports().toString());
        assertEquals(2, handler.getLostRecordCount());
        handler.close();
    }

    @Test
    void formatFormWithBatchOptionsSaysOnceThatThoseApplyToJson() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.start()) {
            HttpHandler handler = new HttpHandler(receiver.host(), "/log", "GET");
            CountingErrorManager errors = new CountingErrorManager();
            handler.setErrorManager(errors);
            handler.setBatchSize(10);
            handler.publish(new LogRecord(Level.INFO, "one"));
            handler.publish(new LogRecord(Level.INFO, "two"));
            assertEquals(2, receiver.requests().size(), "form sends one request per record");
            assertEquals(1, errors.count());
            assertTrue(errors.reports().get(0).message().contains("batch-size and linger apply to format json"),
                    errors.reports().toString());
            handler.close();
        }
    }

    /** The JDK builds the handler from logging.properties alone; the program logs and exits, closing it. */
    @Test
    void loggingPropertiesConfigureItAndExitDeliversTheLastBatch() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.start()) {
            String handler = HttpHandler.class.getName();
            Path config = dir.resolve("logging.properties");
            Files.writeString(config, """
                    app.handlers=%1$s
                    app.useParentHandlers=false
                    %1$s.host=%2$s
                    %1$s.url=/ingest?source=jvm
                    %1$s.format=json
                    %1$s.batchSize=4
                    %1$s.linger=60s
                    %1$s.timeout=PT5S
                    """.formatted(handler, receiver.host()), StandardCharsets.UTF_8);
            PlainJvm.Output output = PlainJvm.run(dir, List.of("java.util.logging.config.file=" + config), "app",
                    "6", "0");
            List<HttpReceiver.Request> requests = receiver.awaitRequests(2, Duration.ofSeconds(10));
            assertEquals(2, requests.size(), output.stdout() + output.stderr());
            assertEquals("source=jvm", requests.get(0).query());
            int records = 0;
            for (HttpReceiver.Request request : requests) {
                records += request.bodyText().split("\"message\":\"record 0").length - 1;
            }
            assertEquals(6, records, "four in a full batch, the last two when the JVM closed the handler");
            String line = output.stdoutLines().stream().filter(l -> l.startsWith("handler ")).findFirst()
                    .orElseThrow();
            assertTrue(line.contains("batchSize=4") && line.contains("linger=1m") && line.contains("format=json"),
                    line);
        }
    }
}
