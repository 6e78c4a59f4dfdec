package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.loghandlers.format.PythonRecordDict;
import org.loghandlers.handlers.wire.PickleWriter;

/** A record pickled straight into the thread's buffer is the frame of its dictionary as a map. */
class PickledRecordTest {

    private static LogRecord record(String loggerName, String sourceClass, String message, Object... parameters) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(loggerName);
        record.setSourceClassName(sourceClass);
        record.setSourceMethodName("check");
        record.setParameters(parameters.length == 0 ? null : parameters);
        record.setInstant(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        return record;
    }

    private static byte[] ofTheMap(LogRecord record) {
        return PickleWriter.frame(PythonRecordDict.merged(record, new SimpleFormatter()));
    }

    @Test
    void recordAfterRecordEachFrameIsThePickleOfItsDictionary() {
        String className = PickledRecordTest.class.getName();
        LogRecord thrown = record("acme.disk", "com.acme.DiskWatch$Probe", "disk full");
        thrown.setThrown(new IllegalStateException("no space"));
        List<LogRecord> records = List.of(
                record("acme.disk", "com.acme.DiskWatch$Probe", "disk {0} at {1}%", "sda", 93),
                // Logger.getLogger(X.class.getName()) and the caller's class name are one String: a memo hit.
                record(className, className, "same logger and class"),
                record(null, null, "sp\u00e4m \ud83d\ude00 lone \ud800"),
                thrown,
                record("acme.disk", "com.acme.DiskWatch$Probe", "disk {0} at {1}%", "sdb", 7),
                record("", "x", ""));
        for (LogRecord record : records) {
            byte[] expected = ofTheMap(record);
            PickledRecord pickled = PickledRecord.take();
            try {
                var frame = pickled.frame(record, new SimpleFormatter());
                byte[] ours = java.util.Arrays.copyOf(frame.array(), frame.limit());
                assertArrayEquals(expected, ours, record.getMessage());
            } finally {
                pickled.release();
            }
        }
    }

    @Test
    void aRecordPickledWhileAnotherIsBeingPickledGetsABufferOfItsOwn() {
        LogRecord inner = record("inner", "com.acme.Inner", "inner message");
        byte[][] innerFrame = new byte[1][];
        Object loggingParameter = new Object() {
            @Override
            public String toString() {
                innerFrame[0] = RecordFormat.pickleFrame(inner, null);
                return "parameter";
            }
        };
        LogRecord outer = record("outer", "com.acme.Outer", "outer {0}", loggingParameter);
        byte[] outerFrame = RecordFormat.pickleFrame(outer, new SimpleFormatter());
        assertArrayEquals(ofTheMap(inner), innerFrame[0]);
        assertArrayEquals(ofTheMap(record("outer", "com.acme.Outer", "outer {0}", "parameter")), outerFrame);
        assertNotSame(innerFrame[0], outerFrame);
    }
}
