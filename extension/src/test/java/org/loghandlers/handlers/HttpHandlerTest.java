package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.HttpReceiver;

/** The requests an HttpHandler makes, as a web server on loopback receives them. */
class HttpHandlerTest {

    private final HttpReceiver receiver = HttpReceiver.start();
    private final List<HttpHandler> handlers = new ArrayList<>();
    private final CountingErrorManager errors = new CountingErrorManager();

    @AfterEach
    void stop() {
        handlers.forEach(HttpHandler::close);
        receiver.close();
    }

    private HttpHandler handler(String url, String method) {
        HttpHandler handler = new HttpHandler(receiver.host(), url, method);
        handler.setErrorManager(errors);
        handlers.add(handler);
        return handler;
    }

    private static LogRecord record(String message, Object... parameters) {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, message, "org.acme.Shop");
        record.setLoggerName("http.shop");
        record.setParameters(parameters);
        record.setSourceClassName("org.acme.Shop");
        record.setSourceMethodName("checkout");
        record.setSourceLineNumber(42);
        return record;
    }

    private HttpReceiver.Request only() throws InterruptedException {
        List<HttpReceiver.Request> requests = receiver.awaitRequests(1, Duration.ofSeconds(10));
        assertEquals(1, requests.size(), "requests: " + requests);
        return requests.get(0);
    }

    @Test
    void aGetCarriesTheRecordsAttributesInTheQueryWithTheTemplateUnmerged() throws Exception {
        handler("/log", "GET").publish(record("sp\u00e4m {0}", "a&b"));
        HttpReceiver.Request request = only();
        assertEquals("GET", request.method());
        assertEquals("/log", request.path());
        assertTrue(request.query().startsWith("name=http.shop&msg=sp%C3%A4m+%7B0%7D&args=%28%27a%26b%27%2C%29"
                + "&levelname=ERROR&levelno=40&pathname=org.acme.Shop&"), request.query());
        Map<String, String> form = request.form();
        assertEquals(List.of("name", "msg", "args", "levelname", "levelno", "pathname", "filename", "module",
                "exc_info", "exc_text", "stack_info", "lineno", "funcName", "created", "msecs", "relativeCreated",
                "thread", "threadName", "processName", "process", "taskName"), List.copyOf(form.keySet()));
        assertEquals("sp\u00e4m {0}", form.get("msg"));
        assertEquals("('a&b',)", form.get("args"));
        assertEquals("checkout", form.get("funcName"));
        assertEquals("42", form.get("lineno"));
        assertEquals("None", form.get("exc_info"));
        assertEquals(Long.toString(ProcessHandle.current().pid()), form.get("process"));
        assertTrue(form.get("created").matches("\\d+\\.\\d+"), form.get("created"));
        assertEquals("identity", request.header("Accept-Encoding"));
        assertNull(request.header("Authorization"));
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void aUrlWithAQueryIsJoinedWithAnAmpersand() throws Exception {
        handler("/log?app=shop&x=1", "GET").publish(record("joined"));
        HttpReceiver.Request request = only();
        assertEquals("/log", request.path());
        assertTrue(request.query().startsWith("app=shop&x=1&name=http.shop&msg=joined&args=%28%29&"),
                request.query());
    }

    @Test
    void aPostCarriesTheSameFormInItsBody() throws Exception {
        handler("/log", "post").publish(record("posted {0} {1}", 7, 2.5));
        HttpReceiver.Request request = only();
        assertEquals("POST", request.method());
        assertNull(request.query());
        assertEquals("application/x-www-form-urlencoded", request.header("Content-Type"));
        assertEquals(Integer.toString(request.body().length), request.header("Content-Length"));
        assertEquals("posted {0} {1}", request.form().get("msg"));
        assertEquals("(7, 2.5)", request.form().get("args"));
    }

    @Test
    void theFormatterIsNotUsedAsInPython() throws Exception {
        HttpHandler handler = handler("/log", "POST");
        handler.setFormatter(new PythonFormatter("%(levelname)s FORMATTED %(message)s"));
        handler.publish(record("raw {0}", "value"));
        Map<String, String> form = only().form();
        assertEquals("raw {0}", form.get("msg"));
        assertTrue(form.values().stream().noneMatch(value -> value.contains("FORMATTED")), form.toString());
    }

    @Test
    void credentialsGoInABasicAuthorizationHeaderEncodedInUtf8() throws Exception {
        HttpHandler handler = handler("/log", "GET");
        handler.setCredentials("user:p\u00e4ss");
        handler.publish(record("with credentials"));
        assertEquals("Basic dXNlcjpww6Rzcw==", only().header("Authorization"), "Python's header for user/p\u00e4ss");
    }

    @Test
    void credentialsOverPlainHttpAreWarnedAboutOnceWithoutShowingThem() throws Exception {
        HttpHandler handler = handler("/log", "GET");
        handler.setCredentials("alice:s3cret-pw");
        for (int i = 0; i < 3; i++) {
            handler.publish(record("record " + i));
        }
        receiver.awaitRequests(3, Duration.ofSeconds(10));
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        String warning = errors.reports().get(0).message();
        assertTrue(warning.contains("credentials are sent over plain HTTP"), warning);
        assertSecretAbsent(warning);
        assertSecretAbsent(handler.toString());
    }

    @Test
    void credentialsNeverAppearInFailureReportsOrInToString() throws Exception {
        HttpHandler handler = handler("/log", "POST");
        handler.setCredentials("alice:s3cret-pw");
        handler.setRetries(0);
        receiver.plan(401);
        handler.publish(record("refused"));
        receiver.stop();
        handler.publish(record("nobody there"));
        assertTrue(errors.count() >= 2, () -> errors.reports().toString());
        for (CountingErrorManager.Report report : errors.reports()) {
            assertSecretAbsent(report.message());
            for (Throwable cause = report.cause(); cause != null; cause = cause.getCause()) {
                assertSecretAbsent(String.valueOf(cause.getMessage()));
            }
        }
        assertSecretAbsent(handler.toString());
        assertTrue(handler.toString().contains("127.0.0.1:" + receiver.port() + "/log"), handler.toString());
    }

    private static void assertSecretAbsent(String text) {
        String encoded = Base64.getEncoder().encodeToString("alice:s3cret-pw".getBytes());
        assertTrue(!text.contains("s3cret") && !text.contains(encoded) && !text.contains("alice"), text);
    }

    @Test
    void jsonPostsTheJsonFormattersObjectsAsAnArray() throws Exception {
        HttpHandler handler = handler("/ingest", "GET");
        handler.setFormat("json");
        handler.publish(record("order {0} paid", 17));
        HttpReceiver.Request request = only();
        assertEquals("POST", request.method());
        assertEquals("/ingest", request.path());
        assertEquals("application/json", request.header("Content-Type"));
        String body = request.bodyText();
        assertTrue(body.startsWith("[{\"timestamp\":\"") && body.endsWith("}]"), body);
        assertTrue(body.contains("\"level\":\"ERROR\",\"levelno\":40,\"javaLevel\":\"SEVERE\",\"logger\":\"http.shop\","
                + "\"message\":\"order 17 paid\""), body);
    }

    @Test
    void jsonLinesBatchesGoAsOneRequestWhenFullAndTheRestAfterTheLinger() throws Exception {
        HttpHandler handler = handler("/ingest", "POST");
        handler.setFormat("json-lines");
        handler.setBatchSize(10);
        handler.setLinger("300ms");
        for (int i = 0; i < 25; i++) {
            handler.publish(record("record " + i));
        }
        List<HttpReceiver.Request> requests = receiver.awaitRequests(3, Duration.ofSeconds(10));
        assertEquals(3, requests.size());
        List<String> messages = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (HttpReceiver.Request request : requests) {
            assertEquals("application/x-ndjson", request.header("Content-Type"));
            List<String> lines = request.bodyText().lines().toList();
            sizes.add(lines.size());
            for (String line : lines) {
                int start = line.indexOf("\"message\":\"") + 11;
                messages.add(line.substring(start, line.indexOf('"', start)));
            }
        }
        assertEquals(List.of(10, 10, 5), sizes);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add("record " + i);
        }
        assertEquals(expected, messages);
    }

    @Test
    void closeSendsTheBatchStillWaitingForItsLinger() throws Exception {
        HttpHandler handler = handler("/ingest", "POST");
        handler.setFormat("json");
        handler.setBatchSize(100);
        handler.setLinger("60s");
        for (int i = 0; i < 5; i++) {
            handler.publish(record("pending " + i));
        }
        assertEquals(0, receiver.requests().size(), "the batch waits for its linger");
        handler.close();
        List<HttpReceiver.Request> requests = receiver.requests();
        assertEquals(1, requests.size(), "delivered before close returned");
        assertEquals(5, requests.get(0).bodyText().split("\"message\"").length - 1);
        assertEquals(0, handler.getLostRecordCount());
    }

    @Test
    void flushSendsWhatWaitsAndReturnsWhenItIsDelivered() throws Exception {
        HttpHandler handler = handler("/ingest", "POST");
        handler.setFormat("json");
        handler.setBatchSize(100);
        handler.setLinger("60s");
        handler.publish(record("flushed"));
        handler.flush();
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void handleIgnoresTheLevelButNotTheFilterAsPythonsHandleDoes() throws Exception {
        HttpHandler handler = handler("/log", "GET");
        handler.setLevel(Level.OFF);
        handler.publish(record("not published"));
        handler.setFilter(record -> !record.getMessage().contains("filtered"));
        handler.handle(record("filtered out"));
        handler.handle(record("handled"));
        assertEquals("handled", only().form().get("msg"));
    }

    /** The docs' no-blocking recipe: the queue's listener makes the request, with the caller found on the logger's thread. */
    @Test
    void behindAQueueTheListenerSendsTheMergedMessageWithTheCaller() throws Exception {
        HttpHandler handler = handler("/log", "POST");
        QueueHandler queue = new QueueHandler(handler);
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("http.behind.queue");
        logger.setUseParentHandlers(false);
        logger.addHandler(queue);
        try {
            logger.log(Level.WARNING, "queued {0}", "value");
        } finally {
            logger.removeHandler(queue);
            queue.close();
        }
        Map<String, String> form = only().form();
        assertEquals("queued value", form.get("msg"), "merged by the queue, as Python's QueueHandler.prepare does");
        assertEquals("()", form.get("args"));
        assertEquals("behindAQueueTheListenerSendsTheMergedMessageWithTheCaller", form.get("funcName"));
        assertEquals(getClass().getName(), form.get("pathname"));
        assertEquals(Thread.currentThread().getName(), form.get("threadName"), "the logging thread's, not the"
                + " listener's");
    }

    @Test
    void aParameterThatCannotBeWrittenIsReportedAndTheLoggingCallDoesNotThrow() throws Exception {
        HttpHandler handler = handler("/log", "GET");
        Object broken = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text for this one");
            }
        };
        handler.publish(record("broken {0}", broken));
        handler.publish(record("fine"));
        assertEquals("fine", only().form().get("msg"));
        assertEquals(1, errors.count());
        assertTrue(errors.reports().get(0).message().contains("could not encode a record of logger http.shop"),
                errors.reports().get(0).message());
        assertEquals(1, handler.getLostRecordCount());
    }

    @Test
    void aClosedHandlerIgnoresRecordsAndItsThreadsEnd() throws Exception {
        HttpHandler handler = handler("/ingest", "POST");
        handler.setFormat("json");
        handler.setBatchSize(5);
        handler.publish(record("before close"));
        handler.close();
        handler.publish(record("after close"));
        assertEquals(1, receiver.awaitRequests(1, Duration.ofSeconds(5)).size());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ourThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, ourThreads(), "threads named loghandlers-http still alive");
        assertTrue(handler.isClosed());
    }

    static long ourThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("loghandlers-http") && thread.isAlive()).count();
    }
}
