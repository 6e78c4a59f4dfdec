package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.HttpReceiver;
import org.loghandlers.testing.TogetherThreads;

/**
 * What happens when the web server fails, is slow or goes away, and under many logging threads: retries, one report
 * per outage, recovery, the timeout a logging call never waits past, and no record lost or sent twice.
 */
class HttpHandlerDeliveryTest {

    private static final Pattern MESSAGE = Pattern.compile("\"message\":\"([^\"]*)\"");

    private final HttpReceiver receiver = HttpReceiver.start();
    private final CountingErrorManager errors = new CountingErrorManager();
    private HttpHandler handler;

    @AfterEach
    void stop() {
        if (handler != null) {
            handler.close();
        }
        receiver.close();
    }

    private HttpHandler handler(String method) {
        handler = new HttpHandler(receiver.host(), "/log", method);
        handler.setErrorManager(errors);
        handler.setRetryDelay("20ms");
        return handler;
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("http.delivery");
        return record;
    }

    private List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (HttpReceiver.Request request : receiver.requests()) {
            String type = request.header("Content-Type");
            if (type != null && type.contains("json")) {
                Matcher matcher = MESSAGE.matcher(request.bodyText());
                while (matcher.find()) {
                    messages.add(matcher.group(1));
                }
            } else {
                messages.add(request.form().get("msg"));
            }
        }
        return messages;
    }

    @Test
    void aServerErrorIsTriedAgainUntilTheRecordIsAccepted() throws Exception {
        handler("POST");
        receiver.plan(503, 500);
        handler.publish(record("third time lucky"));
        assertEquals(List.of("third time lucky"), messages());
        assertEquals(0, errors.count(), () -> errors.reports().toString());
        assertEquals(0, handler.getLostRecordCount());
    }

    @Test
    void retriesAreBoundedAndWhatFinallyFailsIsCountedAndReported() throws Exception {
        handler("POST").setRetries(2);
        receiver.plan(503, 503, 503);
        handler.publish(record("never accepted"));
        assertEquals(List.of(), messages());
        assertEquals(1, handler.getLostRecordCount());
        assertEquals(1, errors.count());
        String report = errors.reports().get(0).message();
        assertTrue(report.contains("HttpHandler POST http://" + receiver.host() + "/log: could not deliver a record:"
                + " HTTP status 503 (3 attempts)"), report);
        assertEquals(ErrorManager.WRITE_FAILURE, errors.reports().get(0).code());
        receiver.plan(503);
        handler.publish(record("in the outage"));
        assertEquals(2, handler.getLostRecordCount(), "while the outage lasts, one attempt and no retry");
        assertEquals(1, errors.count(), "the outage is reported once");
        handler.publish(record("accepted again"));
        assertEquals(List.of("accepted again"), messages());
    }

    @Test
    void aClientErrorIsNotTriedAgain() throws Exception {
        handler("GET");
        receiver.plan(404);
        handler.publish(record("wrong url"));
        handler.publish(record("next one"));
        assertEquals(List.of("next one"), messages());
        assertEquals(1, handler.getLostRecordCount());
        assertTrue(errors.reports().get(0).message().endsWith("HTTP status 404 (not tried again)"),
                errors.reports().get(0).message());
    }

    @Test
    void anOutageIsReportedOnceAndRecordsArriveAgainWhenTheServerIsBack() throws Exception {
        handler("POST");
        handler.publish(record("before"));
        receiver.stop();
        for (int i = 0; i < 5; i++) {
            handler.publish(record("while down " + i));
        }
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        assertTrue(errors.reports().get(0).message().contains("could not deliver a record"),
                errors.reports().get(0).message());
        assertEquals(5, handler.getLostRecordCount());
        receiver.restart();
        handler.publish(record("after restart"));
        handler.publish(record("and later"));
        assertEquals(List.of("before", "after restart", "and later"), messages());
        receiver.stop();
        handler.publish(record("second outage"));
        assertEquals(2, errors.count(), "a new outage is a new report");
    }

    @Test
    void aBatchingHandlerReportsAnOutageOnceAndDeliversLaterBatches() throws Exception {
        handler("POST").setFormat("json");
        handler.setBatchSize(3);
        handler.setLinger("50ms");
        receiver.stop();
        for (int i = 0; i < 6; i++) {
            handler.publish(record("lost " + i));
        }
        handler.flush();
        assertEquals(6, handler.getLostRecordCount());
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        receiver.restart();
        handler.publish(record("delivered"));
        handler.flush();
        assertEquals(List.of("delivered"), messages());
    }

    @Test
    void aLoggingCallNeverWaitsLongerThanTheTimeout() throws Exception {
        handler("POST").setTimeout("300ms");
        receiver.holdAnswers();
        long start = System.nanoTime();
        handler.publish(record("no answer"));
        long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(waited >= 250 && waited < 1500, "waited " + waited + " ms");
        assertEquals(1, handler.getLostRecordCount());
        assertTrue(errors.reports().get(0).message().contains("no answer within the timeout"),
                errors.reports().get(0).message());
    }

    @Test
    void withBatchingTheLoggingThreadDoesNotWaitForASlowServer() throws Exception {
        handler("POST").setFormat("json");
        handler.setBatchSize(50);
        receiver.holdAnswers();
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            handler.publish(record("fast " + i));
        }
        long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(waited < 2000, "the logging thread waited " + waited + " ms");
        receiver.answerAgain();
        handler.flush();
        assertEquals(200, messages().size());
    }

    @Test
    void eightThreadsPostingFormsLoseAndDuplicateNothing() throws Exception {
        handler("POST");
        logFromThreads(8, 150);
        assertAllDelivered(8, 150);
    }

    @Test
    void eightThreadsFeedingBatchesLoseAndDuplicateNothing() throws Exception {
        handler("POST").setFormat("json-lines");
        handler.setBatchSize(64);
        logFromThreads(8, 2000);
        handler.flush();
        assertAllDelivered(8, 2000);
        assertTrue(receiver.requests().size() < 8 * 2000 / 4, "records went in batches: "
                + receiver.requests().size() + " requests");
    }

    private void logFromThreads(int threads, int perThread) throws InterruptedException {
        TogetherThreads.run(threads, thread -> {
            for (int i = 0; i < perThread; i++) {
                handler.publish(record("thread " + thread + " record " + i));
            }
        });
    }

    private void assertAllDelivered(int threads, int perThread) {
        List<String> messages = messages();
        Set<String> expected = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                expected.add("thread " + t + " record " + i);
            }
        }
        assertEquals(threads * perThread, messages.size(), "no record lost or duplicated");
        assertEquals(expected, new HashSet<>(messages));
        assertEquals(0, handler.getLostRecordCount());
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }
}
