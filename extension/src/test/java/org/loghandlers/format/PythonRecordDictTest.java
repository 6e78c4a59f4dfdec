package org.loghandlers.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.Python;

/** The dictionary a Python receiver gets: Python's keys in Python's order, Python's values for a JUL record. */
class PythonRecordDictTest {

    private static LogRecord record() {
        LogRecord record = new LogRecord(Level.WARNING, "disk {0} at {1}%");
        record.setParameters(new Object[] {"sda", 93});
        record.setLoggerName("acme.disk");
        record.setSourceClassName("com.acme.DiskWatch$Probe");
        record.setSourceMethodName("check");
        record.setInstant(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        return record;
    }

    @Test
    void hasPythonsKeysInPythonsOrder(@TempDir Path dir) throws Exception {
        String keys = Python.run(
                "import logging; print(','.join(logging.LogRecord('n', 20, 'p', 1, 'm', (), None).__dict__))",
                dir, Map.of()).trim();
        assertEquals(List.of(keys.split(",")), List.copyOf(PythonRecordDict.merged(record(),
                new SimpleFormatter()).keySet()));
    }

    @Test
    void mergedAsSocketHandlerPicklesIt() {
        Map<String, Object> dict = PythonRecordDict.merged(record(), new SimpleFormatter());
        assertEquals("disk sda at 93%", dict.get("msg"));
        assertNull(dict.get("args"));
        assertEquals("WARNING", dict.get("levelname"));
        assertEquals(30L, dict.get("levelno"));
        assertEquals("DiskWatch.java", dict.get("filename"));
        assertEquals("DiskWatch", dict.get("module"));
        assertEquals("check", dict.get("funcName"));
        assertEquals(1_700_000_000.123456789, (Double) dict.get("created"), 1e-6);
        assertEquals(123.0, dict.get("msecs"));
        assertNull(dict.get("exc_text"));
        assertEquals("MainProcess", dict.get("processName"));
        assertEquals(ProcessHandle.current().pid(), dict.get("process"));
    }

    @Test
    void unmergedKeepsTheTemplateAndItsArguments() {
        Map<String, Object> dict = PythonRecordDict.unmerged(record());
        assertEquals("disk {0} at {1}%", dict.get("msg"));
        assertArrayEquals(new Object[] {"sda", 93}, (Object[]) dict.get("args"));
    }

    @Test
    void carriesTheTracebackTextOfAThrowable() {
        LogRecord record = record();
        record.setThrown(new IllegalStateException("no space"));
        String text = (String) PythonRecordDict.merged(record, new SimpleFormatter()).get("exc_text");
        assertTrue(text.startsWith("java.lang.IllegalStateException: no space"), text);
    }
}
