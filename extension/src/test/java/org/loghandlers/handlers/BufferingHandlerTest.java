package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class BufferingHandlerTest {

    private static LogRecord record(String message) {
        return new LogRecord(Level.INFO, message);
    }

    @Test
    void capacityZeroWantsAFlushEvenWithAnEmptyBufferAndCapacityOneDoesNot() {
        // test_logging.test_builtin_handlers: BufferingHandler(0).shouldFlush(r) is True, (1) is False.
        assertTrue(new BufferingHandler(0).shouldFlush(record("r")));
        assertFalse(new BufferingHandler(1).shouldFlush(record("r")));
    }

    @Test
    void flushesOnTheNthRecordByDiscardingTheBuffer() {
        BufferingHandler handler = new BufferingHandler(3);
        handler.publish(record("1"));
        handler.publish(record("2"));
        assertEquals(2, handler.getBufferedCount());
        handler.publish(record("3"));
        assertEquals(0, handler.getBufferedCount());
    }

    @Test
    void aSubclassDecidesWhenToFlushAndWhatAFlushDoes() {
        List<String> flushed = new java.util.ArrayList<>();
        BufferingHandler handler = new BufferingHandler(100) {
            @Override
            protected boolean shouldFlush(LogRecord record) {
                return record.getMessage().equals("now");
            }

            @Override
            public synchronized void flush() {
                buffer.forEach(r -> flushed.add(r.getMessage()));
                super.flush();
            }
        };
        handler.publish(record("a"));
        handler.publish(record("b"));
        assertEquals(List.of(), flushed);
        handler.publish(record("now"));
        assertEquals(List.of("a", "b", "now"), flushed);
    }

    @Test
    void closeFlushesOnceAndLaterRecordsAreIgnored() {
        BufferingHandler handler = new BufferingHandler(10);
        handler.publish(record("1"));
        handler.close();
        handler.close();
        assertEquals(0, handler.getBufferedCount());
        handler.publish(record("2"));
        assertEquals(0, handler.getBufferedCount());
    }

    @Test
    void recordsBelowTheHandlersLevelAreNotBuffered() {
        BufferingHandler handler = new BufferingHandler(10);
        handler.setLevel(Level.WARNING);
        handler.publish(record("info"));
        assertEquals(0, handler.getBufferedCount());
    }

    @Test
    void aNegativeCapacityIsRefusedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BufferingHandler(-1));
        assertTrue(e.getMessage().startsWith("capacity: -1"), e.getMessage());
    }
}
