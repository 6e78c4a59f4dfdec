package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.loghandlers.format.JBossLevel;
import org.loghandlers.format.JsonFormatter;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.receivers.wire.JsonReader;
import org.loghandlers.receivers.wire.RestrictedUnpickler;

/** What a sender sent becomes a record whose every field, and every formatter's output, is the sender's. */
class ReceivedRecordsTest {

    @Test
    void theGoldenFrameBecomesTheRecordCPythonLogged() throws Exception {
        ReceivedRecord record = WireFormat.PYTHON.decode(GoldenFrame.pickle(), 0, GoldenFrame.pickle().length,
                "10.0.0.7");
        assertEquals("tcp", record.getLoggerName());
        assertEquals(Level.SEVERE, record.getLevel());
        assertEquals("hello w\u00f6rld", record.getMessage());
        assertNull(record.getParameters());
        assertEquals(Instant.ofEpochSecond(1_700_000_000L, 250_000_000L), record.getInstant());
        assertEquals(140000000000000L, record.getLongThreadID());
        assertEquals("MainThread", record.getThreadName());
        assertEquals(1234L, record.getProcess());
        assertEquals("MainProcess", record.getProcessName());
        assertEquals("10.0.0.7", record.getHost());
        assertEquals("/tmp/x.py", record.getSourceClassName());
        assertEquals("f", record.getSourceMethodName());
        assertNull(record.getThrown());
        assertEquals(Map.of(), record.getMdc());
        assertEquals(42L, record.getAttributes().get("lineno"));
    }

    @Test
    void pythonFormatterPrintsTheSendersAttributesNotThisJvms() throws Exception {
        ReceivedRecord record = WireFormat.PYTHON.decode(GoldenFrame.pickle(), 0, GoldenFrame.pickle().length,
                "10.0.0.7");
        PythonFormatter formatter = new PythonFormatter("%(name)s %(levelname)s %(levelno)d %(pathname)s"
                + " %(filename)s %(module)s %(lineno)d %(funcName)s %(created)f %(msecs)d %(relativeCreated)s"
                + " %(thread)d %(threadName)s %(process)d %(processName)s %(message)s");
        assertEquals("tcp ERROR 40 /tmp/x.py x.py x 42 f 1700000000.250000 250 12.5 140000000000000 MainThread 1234"
                + " MainProcess hello w\u00f6rld", formatter.format(record));
    }

    @Test
    void excTextAndStackInfoBecomeTheTracebackEveryFormatterPrints() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("name", "app");
        dict.put("msg", "failed");
        dict.put("levelno", 40L);
        dict.put("exc_text", "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n"
                + "ValueError: boom");
        dict.put("stack_info", "Stack (most recent call last):\n  File \"x.py\", line 2");
        ReceivedRecord record = ReceivedRecords.fromPythonDict(dict, "h");
        RemoteTraceback traceback = assertInstanceOf(RemoteTraceback.class, record.getThrown());
        assertEquals("ValueError: boom", traceback.getMessage());
        String formatted = new PythonFormatter("%(levelname)s %(message)s").format(record);
        assertEquals("ERROR failed\nTraceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n"
                + "ValueError: boom\nStack (most recent call last):\n  File \"x.py\", line 2", formatted);
        String simple = new java.util.logging.SimpleFormatter().format(record);
        assertTrue(simple.contains("ValueError: boom"), simple);
    }

    @Test
    void extraKeysBecomeTheMdcAndAPythonLevelBetweenTwoRoundsDown() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("name", "app");
        dict.put("msg", "custom");
        dict.put("levelno", 25L);
        dict.put("levelname", "NOTICE");
        dict.put("request_id", "r-42");
        dict.put("attempt", 3L);
        dict.put("flags", new ArrayList<>(List.of(true, "x")));
        ReceivedRecord record = ReceivedRecords.fromPythonDict(dict, "h");
        assertEquals(Level.INFO, record.getLevel(), "Python's 25 passes INFO (20) but not WARNING (30)");
        assertEquals(Map.of("request_id", "r-42", "attempt", "3", "flags", "[True, 'x']"), record.getMdc());
        assertEquals(Level.WARNING, ReceivedRecords.fromPythonDict(Map.of("levelno", 30L), "h").getLevel());
        assertEquals(JBossLevel.FATAL, ReceivedRecords.fromPythonDict(Map.of("levelno", 50L), "h").getLevel());
        assertEquals(JBossLevel.DEBUG, ReceivedRecords.fromPythonDict(Map.of("levelno", 10L), "h").getLevel());
    }

    @Test
    void aMessageThatIsNotAStrIsItsPythonStrAndASelfContainingListStaysBounded() throws Exception {
        // l = []; l.append(l); pickle.dumps({'msg': l}, 2)
        Object dict = RestrictedUnpickler.loads(java.util.HexFormat.of().parseHex(
                "80027d710058030000006d736771015d7102680261732e"));
        ReceivedRecord record = ReceivedRecords.fromPythonDict(dict, "h");
        assertTrue(record.getMessage().startsWith("[[[[["), record.getMessage());
        assertTrue(record.getMessage().length() < 100, record.getMessage());
    }

    @Test
    void aFrameThatIsNotADictIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReceivedRecords.fromPythonDict(List.of(1L), "h"));
        assertEquals("not a record: the frame holds a tuple, not a dict", e.getMessage());
    }

    @Test
    void aJsonFormatterLineComesBackAsTheSameRecord() throws Exception {
        LogRecord sent = new LogRecord(Level.FINE, "order {0} shipped");
        sent.setParameters(new Object[] {"A-1"});
        sent.setLoggerName("com.acme.orders");
        sent.setInstant(Instant.parse("2024-05-01T10:15:30.123Z"));
        sent.setLongThreadID(77);
        sent.setSourceClassName("com.acme.Orders");
        sent.setSourceMethodName("ship");
        sent.setThrown(new IllegalStateException("no stock", new RuntimeException("db down")));
        JsonFormatter json = new JsonFormatter();
        String line = json.format(sent);
        ReceivedRecord received = ReceivedRecords.fromJson(JsonReader.parse(line), "10.1.1.1");
        assertEquals(Level.FINE, received.getLevel(), "javaLevel keeps FINE apart from DEBUG");
        assertEquals("com.acme.orders", received.getLoggerName());
        assertEquals("order A-1 shipped", received.getMessage());
        assertNull(received.getParameters(), "the message arrives merged, never formatted again");
        assertEquals(sent.getInstant(), received.getInstant());
        assertEquals(77L, received.getLongThreadID());
        assertEquals("com.acme.Orders", received.getSourceClassName());
        assertEquals("ship", received.getSourceMethodName());
        assertEquals("10.1.1.1", received.getHost());
        RemoteTraceback traceback = assertInstanceOf(RemoteTraceback.class, received.getThrown());
        assertEquals("java.lang.IllegalStateException", traceback.getExceptionClass());
        assertEquals("no stock", traceback.getMessage());
        assertTrue(traceback.getText().startsWith("java.lang.IllegalStateException: no stock"), traceback.getText());
        assertTrue(traceback.getText().contains("Caused by: java.lang.RuntimeException: db down"));

        String relayed = json.format(received);
        assertTrue(relayed.contains("\"host\":\"10.1.1.1\""), relayed);
        ReceivedRecord again = ReceivedRecords.fromJson(JsonReader.parse(relayed), "elsewhere");
        assertEquals("10.1.1.1", again.getHost(), "a relayed record keeps its first sender's host");
        assertEquals(traceback.getText(), ((RemoteTraceback) again.getThrown()).getText());
    }

    @Test
    void aJsonRecordsMdcAndSenderFieldsArriveAndAreWrittenAgain() throws Exception {
        ReceivedRecord received = ReceivedRecords.fromJson(JsonReader.parse("{\"timestamp\":\"2024-05-01T12:00:00"
                + ".000+02:00\",\"level\":\"WARNING\",\"levelno\":30,\"logger\":\"x\",\"message\":\"m\","
                + "\"thread\":\"worker-1\",\"threadId\":5,\"host\":\"app-7\",\"process\":4321,"
                + "\"processName\":\"MainProcess\",\"mdc\":{\"user\":\"ann\",\"n\":2}}"), "peer");
        assertEquals(Level.WARNING, received.getLevel());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), received.getInstant());
        assertEquals("worker-1", received.getThreadName());
        assertEquals("app-7", received.getHost());
        assertEquals(4321L, received.getProcess());
        assertEquals(Map.of("user", "ann", "n", "2"), received.getMdc());
        String written = new JsonFormatter().format(received);
        assertTrue(written.contains("\"thread\":\"worker-1\",\"threadId\":5,"), written);
        assertTrue(written.contains("\"host\":\"app-7\",\"process\":4321,\"processName\":\"MainProcess\""), written);
        assertTrue(written.contains("\"mdc\":{\"user\":\"ann\",\"n\":\"2\"}"), written);
        assertEquals("4321 worker-1", new PythonFormatter("%(process)d %(threadName)s").format(received));
    }

    @Test
    void aJsonValueThatIsNotAnObjectOrHasABadTimestampIsRefused() {
        assertEquals("not a record: the line holds a JSON array, not an object",
                assertThrows(IllegalArgumentException.class, () -> ReceivedRecords.fromJson(List.of(), "h"))
                        .getMessage());
        assertEquals("timestamp: 'yesterday' is not an ISO-8601 date-time with an offset",
                assertThrows(IllegalArgumentException.class, () -> ReceivedRecords.fromJson(
                        Map.of("timestamp", "yesterday"), "h")).getMessage());
    }
}
