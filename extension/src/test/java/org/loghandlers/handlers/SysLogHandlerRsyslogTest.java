package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.Peers;
import org.loghandlers.testing.Rsyslog;
import org.loghandlers.testing.Rsyslog.Input;

/**
 * SysLogHandler against a real rsyslog on loopback ({@link Rsyslog}): what rsyslog parsed from our messages, for
 * every transport and protocol. rsyslog shows control characters as {@code #ooo} (an LF is {@code #012}) and drops
 * a message's final NUL; the exact bytes with the NUL are checked against CPython in
 * {@link SysLogHandlerVersusCPythonTest}.
 */
class SysLogHandlerRsyslogTest {

    private static Rsyslog rsyslog;

    private final List<SysLogHandler> handlers = new ArrayList<>();
    private final CountingErrorManager errors = new CountingErrorManager();
    private final String marker = UUID.randomUUID().toString().substring(0, 8);

    /** Started before each test's first use, so that a missing rsyslog skips (or fails) each test by name. */
    @BeforeEach
    void startRsyslog() throws Exception {
        if (rsyslog == null) {
            rsyslog = Rsyslog.start(Path.of("target", "rs-" + UUID.randomUUID().toString().substring(0, 6)));
        }
    }

    @AfterAll
    static void stopRsyslog() throws Exception {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    @AfterEach
    void closeHandlers() {
        handlers.forEach(SysLogHandler::close);
    }

    private SysLogHandler handler(Consumer<SysLogHandler> options) {
        SysLogHandler handler = new SysLogHandler();
        handler.setErrorManager(errors);
        options.accept(handler);
        handlers.add(handler);
        return handler;
    }

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("app.orders");
        return record;
    }

    /** The messages of {@code input} that carry this test's marker, once {@code count} are there. */
    private List<Map<String, String>> received(Input input, int count) throws Exception {
        return rsyslog.await(input, records -> mine(records).size() >= count, Duration.ofSeconds(10)).stream()
                .filter(r -> r.get("raw").contains(marker)).collect(Collectors.toList());
    }

    private List<Map<String, String>> mine(List<Map<String, String>> records) {
        return records.stream().filter(r -> r.get("raw").contains(marker)).collect(Collectors.toList());
    }

    @Test
    void pythonsDefaultBytesOverUdpGiveThePriorityFacilitySeverityAndText() throws Exception {
        SysLogHandler handler = handler(h -> {
            h.setAddress(rsyslog.address(Input.UDP));
            h.setIdent("myapp: ");
        });
        handler.publish(record(Level.SEVERE, "disk full " + marker));
        handler.publish(record(Level.WARNING, "disk 90% " + marker));
        handler.publish(record(Level.INFO, "caf\u00e9 open " + marker));
        handler.setFacility("local7");
        handler.publish(record(Level.FINE, "debugging " + marker));
        List<Map<String, String>> got = received(Input.UDP, 4);
        assertEquals(4, got.size(), got::toString);
        assertEquals(List.of("11", "12", "14", "191"), field(got, "pri"));
        assertEquals(List.of("user", "user", "user", "local7"), field(got, "fac"));
        assertEquals(List.of("err", "warning", "info", "debug"), field(got, "sev"));
        assertEquals(List.of("<11>myapp: disk full " + marker, "<12>myapp: disk 90% " + marker,
                "<14>myapp: caf\u00e9 open " + marker, "<191>myapp: debugging " + marker), field(got, "raw"));
        assertEquals(List.of("myapp:", "myapp:", "myapp:", "myapp:"), field(got, "tag"),
                "rsyslog reads Python's ident as the tag");
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    private static List<String> field(List<Map<String, String>> records, String name) {
        return records.stream().map(r -> r.get(name)).collect(Collectors.toList());
    }

    private static ExtLogRecord recordWithMdc(Level level, String message, Map<String, String> mdc) {
        mdc.forEach(MDC::put);
        try {
            ExtLogRecord record = new ExtLogRecord(level, message, SysLogHandlerRsyslogTest.class.getName());
            record.setLoggerName("app.orders");
            record.copyMdc();
            return record;
        } finally {
            mdc.keySet().forEach(MDC::remove);
        }
    }

    private void assertRfc5424Fields(Map<String, String> got, String expectedMessage) {
        assertEquals("14", got.get("pri"));
        assertEquals("orders-1", got.get("host"));
        assertEquals("orders", got.get("app"));
        assertEquals("4711", got.get("procid"));
        assertEquals("ORDER", got.get("msgid"));
        assertEquals("[shop@32473 customer=\"ann \\\"the admin\\\"\" order=\"42\\]\"]", got.get("sd"));
        assertEquals(expectedMessage, got.get("msg"));
    }

    private Consumer<SysLogHandler> rfc5424(String address) {
        return h -> {
            h.setAddress(address);
            h.setProtocol("rfc5424");
            h.setHostname("orders-1");
            h.setAppName("orders");
            h.setProcid("4711");
            h.setMsgid("ORDER");
            h.setStructuredDataId("shop@32473");
        };
    }

    private LogRecord orderRecord(String text) {
        Map<String, String> mdc = new HashMap<>();
        mdc.put("order", "42]");
        mdc.put("customer", "ann \"the admin\"");
        return recordWithMdc(Level.INFO, text, mdc);
    }

    @Test
    void rfc5424OverUdpCarriesTheHeaderFieldsAndTheMdcAsStructuredData() throws Exception {
        SysLogHandler handler = handler(rfc5424(rsyslog.address(Input.UDP)));
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        handler.publish(orderRecord("order placed " + marker));
        Map<String, String> got = received(Input.UDP, 1).get(0);
        assertRfc5424Fields(got, "order placed " + marker);
        OffsetDateTime reported = OffsetDateTime.parse(got.get("time"));
        assertTrue(!reported.isBefore(before) && reported.isBefore(before.plusSeconds(30)), got.get("time"));
    }

    @Test
    void rfc5424DefaultsToThisHostAndProcessAndNoAppName() throws Exception {
        SysLogHandler handler = handler(h -> {
            h.setAddress(rsyslog.address(Input.UDP));
            h.setProtocol("rfc5424");
        });
        handler.publish(record(Level.WARNING, "defaults " + marker));
        Map<String, String> got = received(Input.UDP, 1).get(0);
        assertEquals(InetAddress.getLocalHost().getHostName(), got.get("host"));
        assertEquals("-", got.get("app"));
        assertEquals(Long.toString(ProcessHandle.current().pid()), got.get("procid"));
        assertEquals("-", got.get("msgid"));
        assertEquals("-", got.get("sd"), "a plain JUL record has no MDC");
        assertEquals("12", got.get("pri"));
    }

    @Test
    void rfc3164OverUdpHasTheTagAndProcessIdRsyslogExpects() throws Exception {
        SysLogHandler handler = handler(h -> {
            h.setAddress(rsyslog.address(Input.UDP));
            h.setProtocol("rfc3164");
            h.setHostname("orders-1.example.com");
            h.setAppName("orders");
            h.setProcid("4711");
            h.setFacility("daemon");
        });
        handler.publish(record(Level.SEVERE, "bsd style " + marker));
        Map<String, String> got = received(Input.UDP, 1).get(0);
        assertEquals("27", got.get("pri"));
        assertEquals("orders-1", got.get("host"));
        assertEquals("orders[4711]:", got.get("tag"));
        assertEquals("bsd style " + marker, got.get("msg").strip());
    }

    @Test
    void octetCountingOverTcpKeepsAMultiLineMessageWhole() throws Exception {
        SysLogHandler handler = handler(rfc5424(rsyslog.address(Input.TCP_OCTET_COUNTED)).andThen(h -> {
            h.setSocktype("tcp");
        }));
        assertEquals("octet-counting", handler.getFraming(), "the RFC protocols' default on a stream");
        handler.publish(orderRecord("first line " + marker + "\nsecond line"));
        handler.publish(orderRecord("next " + marker));
        List<Map<String, String>> got = received(Input.TCP_OCTET_COUNTED, 2);
        assertEquals(2, got.size(), got::toString);
        assertRfc5424Fields(got.get(0), "first line " + marker + "#012second line");
        assertRfc5424Fields(got.get(1), "next " + marker);
    }

    @Test
    void nonTransparentFramingOverTcpIsOneMessageALine() throws Exception {
        SysLogHandler handler = handler(rfc5424(rsyslog.address(Input.TCP_NEWLINE)).andThen(h -> {
            h.setSocktype("tcp");
            h.setFraming("non-transparent");
        }));
        for (int i = 0; i < 3; i++) {
            handler.publish(orderRecord("line " + i + " " + marker + (i == 1 ? "\nwith a break" : "")));
        }
        List<Map<String, String>> got = received(Input.TCP_NEWLINE, 3);
        assertEquals(3, got.size(), got::toString);
        assertRfc5424Fields(got.get(0), "line 0 " + marker);
        assertRfc5424Fields(got.get(1), "line 1 " + marker + " with a break");
        assertRfc5424Fields(got.get(2), "line 2 " + marker);
    }

    @Test
    void pythonsUnframedTcpStreamIsSplitOnItsNulsByAnRsyslogToldToDoSo() throws Exception {
        SysLogHandler handler = handler(h -> {
            h.setAddress(rsyslog.address(Input.TCP_NUL));
            h.setSocktype("tcp");
        });
        assertEquals("none", handler.getFraming(), "Python sends no framing on TCP");
        handler.publish(record(Level.SEVERE, "one " + marker));
        handler.publish(record(Level.WARNING, "two " + marker));
        List<Map<String, String>> got = received(Input.TCP_NUL, 2);
        assertEquals(List.of("<11>one " + marker, "<12>two " + marker), field(got, "raw"));
    }

    @Test
    void tlsWithATrustStoreDeliversRfc5424AndNeverNamesThePassword() throws Exception {
        Peers.assume(rsyslog.hasTls(), "openssl is needed to make rsyslog's TLS certificate");
        String password = "s3cret-" + marker;
        Path trustStore = rsyslog.trustStore(password);
        SysLogHandler handler = handler(rfc5424(rsyslog.address(Input.TLS)).andThen(h -> {
            h.setSecure(true);
            h.setTrustStore(trustStore.toString());
            h.setTrustStorePassword(password);
        }));
        handler.publish(orderRecord("over tls " + marker));
        handler.publish(orderRecord("over tls again " + marker));
        List<Map<String, String>> got = received(Input.TLS, 2);
        assertEquals(2, got.size(), () -> got + " " + errors.reports());
        assertRfc5424Fields(got.get(0), "over tls " + marker);
        assertRfc5424Fields(got.get(1), "over tls again " + marker);
        assertEquals(0, errors.count(), () -> errors.reports().toString());
        assertFalse(handler.toString().contains(password));
    }

    @Test
    void tlsToADaemonTheTrustStoreDoesNotTrustIsReportedOnceWithoutThePassword() throws Exception {
        Peers.assume(rsyslog.hasTls(), "openssl is needed to make rsyslog's TLS certificate");
        String password = "wrong-" + marker;
        SysLogHandler handler = handler(h -> {
            h.setAddress(rsyslog.address(Input.TLS));
            h.setSecure(true);
            h.setTrustStorePassword(password);
        });
        for (int i = 0; i < 5; i++) {
            handler.publish(record(Level.SEVERE, "untrusted " + marker));
        }
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        CountingErrorManager.Report report = errors.reports().get(0);
        assertTrue(report.message().contains("tls 127.0.0.1:" + rsyslog.port(Input.TLS)), report.message());
        assertFalse(report.message().contains(password), report.message());
        assertEquals(5, handler.getLostRecordCount());
        Thread.sleep(300);
        assertTrue(mine(rsyslog.records(Input.TLS)).isEmpty());
    }

    @Test
    void aUnixDatagramSocketIsReachedThroughJunixsocketAsPythonReachesDevLog() throws Exception {
        SysLogHandler handler = handler(h -> h.setAddress(rsyslog.socket(Input.UNIX_DATAGRAM).toString()));
        handler.publish(record(Level.SEVERE, "sp\u00e4m " + marker));
        handler.publish(record(Level.INFO, "eggs " + marker));
        List<Map<String, String>> got = received(Input.UNIX_DATAGRAM, 2);
        assertEquals(List.of("<11>sp\u00e4m " + marker, "<14>eggs " + marker), field(got, "raw"));
        assertEquals(List.of("err", "info"), field(got, "sev"));
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void aUnixStreamSocketIsWhatPythonFallsBackToWhenNoSocketTypeIsGiven() throws Exception {
        SysLogHandler handler = handler(rfc5424(rsyslog.socket(Input.UNIX_STREAM).toString()));
        handler.publish(orderRecord("over a unix stream " + marker));
        handler.publish(orderRecord("and again " + marker));
        List<Map<String, String>> got = received(Input.UNIX_STREAM, 2);
        assertEquals(2, got.size(), () -> got + " " + errors.reports());
        assertRfc5424Fields(got.get(0), "over a unix stream " + marker);
        assertRfc5424Fields(got.get(1), "and again " + marker);
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void aMessageLongerThanMaxLengthIsCutOnACharacterBoundary() throws Exception {
        SysLogHandler handler = handler(h -> {
            h.setAddress(rsyslog.address(Input.UDP));
            h.setAppendNul(false);
            h.setMaxLength(30);
        });
        String text = marker + " \u20ac\u20ac\u20ac\u20ac\u20ac\u20ac";
        handler.publish(record(Level.SEVERE, text));
        String raw = received(Input.UDP, 1).get(0).get("raw");
        assertEquals("<11>" + marker + " \u20ac\u20ac\u20ac\u20ac\u20ac", raw,
                "4 + 9 + 5 whole euro signs of 3 bytes make 28; the sixth does not fit in 30");
        assertTrue(raw.getBytes(StandardCharsets.UTF_8).length <= 30);
    }

    @Test
    void eightThreadsOverOneTcpConnectionDeliverEveryRecordOnceAndWhole() throws Exception {
        SysLogHandler handler = handler(rfc5424(rsyslog.address(Input.TCP_OCTET_COUNTED)).andThen(h -> {
            h.setSocktype("tcp");
        }));
        int threads = 8;
        int perThread = 400;
        String padding = "x".repeat(300);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    handler.publish(record(Level.INFO, marker + " t" + thread + " r" + i + " " + padding));
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        List<Map<String, String>> got = rsyslog.await(Input.TCP_OCTET_COUNTED,
                records -> mine(records).size() >= threads * perThread, Duration.ofSeconds(30));
        List<String> messages = field(mine(got), "msg");
        assertEquals(threads * perThread, messages.size());
        assertEquals(threads * perThread, messages.stream().distinct().count(), "no record twice");
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertTrue(messages.contains(marker + " t" + t + " r" + i + " " + padding), "t" + t + " r" + i);
            }
        }
        assertEquals(0, handler.getLostRecordCount());
    }

    @Test
    void afterRsyslogRestartsTheRecordsAfterTheRestartArriveAndTheOutageIsReportedOnce() throws Exception {
        SysLogHandler handler = handler(h -> {
            h.setAddress(rsyslog.address(Input.TCP_NUL));
            h.setSocktype("tcp");
            h.setRetryStart("0.1");
            h.setRetryMax("0.5");
        });
        handler.publish(record(Level.SEVERE, "before " + marker));
        assertEquals(1, received(Input.TCP_NUL, 1).size());
        rsyslog.stop();
        try {
            for (int i = 0; i < 20; i++) {
                handler.publish(record(Level.SEVERE, "while down " + marker));
                Thread.sleep(20);
            }
        } finally {
            rsyslog.restart();
        }
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        assertTrue(errors.reports().get(0).message().contains("tcp 127.0.0.1:" + rsyslog.port(Input.TCP_NUL)),
                errors.reports().get(0).message());
        Thread.sleep(600);
        for (int i = 0; i < 5; i++) {
            handler.publish(record(Level.SEVERE, "after " + i + " " + marker));
        }
        List<String> raw = field(received(Input.TCP_NUL, 6), "raw");
        for (int i = 0; i < 5; i++) {
            assertTrue(raw.contains("<11>after " + i + " " + marker), raw::toString);
        }
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        assertEquals(20, handler.getLostRecordCount());
    }
}
