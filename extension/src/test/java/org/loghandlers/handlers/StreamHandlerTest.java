package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.CountingErrorManager;

class StreamHandlerTest {

    /** Remembers each write call separately, to check that a record is one write. */
    static final class WriteRecordingStream extends OutputStream {
        final List<String> writes = new ArrayList<>();
        int flushes;
        boolean closed;
        volatile boolean failing;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failing) {
                throw new IOException("device unplugged");
            }
            writes.add(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static LogRecord record(String message) {
        return new LogRecord(Level.INFO, message);
    }

    @Test
    void writesEachRecordWithItsTerminatorInOneWriteAndFlushesIt() {
        WriteRecordingStream out = new WriteRecordingStream();
        StreamHandler handler = new StreamHandler(out);
        handler.publish(record("a"));
        handler.setTerminator("");
        handler.publish(record("b"));
        handler.setTerminator("\r\n");
        handler.publish(record("c"));
        assertEquals(List.of("a\n", "b", "c\r\n"), out.writes);
        assertEquals(3, out.flushes);
    }

    @Test
    void doesNotAddTheTerminatorWhenTheFormatterAlreadyEndsWithIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler handler = new StreamHandler(out);
        Formatter endsInNewline = new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + "\n";
            }
        };
        handler.setFormatter(endsInNewline);
        handler.publish(record("one"));
        handler.publish(record("two"));
        assertEquals("one\ntwo\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void worksWithTheJdkSimpleFormatterWhosePatternEndsInANewline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler handler = new StreamHandler(out);
        handler.setFormatter(new SimpleFormatter());
        handler.publish(record("hello"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("hello" + System.lineSeparator()), text);
        assertFalse(text.endsWith(System.lineSeparator() + "\n"), text);
    }

    @Test
    void appendsTheStackTraceAfterTheMessageWithoutAFormatterAsPythonDoes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler handler = new StreamHandler(out);
        LogRecord failed = record("failed");
        failed.setThrown(new IllegalStateException("deliberate mistake"));
        handler.publish(failed);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("failed\njava.lang.IllegalStateException: deliberate mistake\n\tat "), text);
        assertTrue(text.endsWith(")\n"), text);
    }

    @Test
    void setStreamReturnsTheOldStreamOrNullWhenItIsTheSame() {
        WriteRecordingStream first = new WriteRecordingStream();
        WriteRecordingStream second = new WriteRecordingStream();
        StreamHandler handler = new StreamHandler(first);
        assertSame(first, handler.setStream(second));
        assertNull(handler.setStream(second));
        assertSame(second, handler.setStream(first));
        assertFalse(second.closed);
        assertTrue(second.flushes > 0);
    }

    @Test
    void defaultsToStandardErrorAndUtf8() {
        StreamHandler handler = new StreamHandler();
        assertSame(System.err, handler.getStream());
        assertEquals("UTF-8", handler.getEncoding());
    }

    @Test
    void encodesRecordsInTheChosenCharacterSet() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler handler = new StreamHandler(out);
        handler.setEncoding("windows-1251");
        handler.publish(record("до свидания"));
        byte[] expected = {(byte) 0xe4, (byte) 0xee, ' ', (byte) 0xf1, (byte) 0xe2, (byte) 0xe8, (byte) 0xe4,
            (byte) 0xe0, (byte) 0xed, (byte) 0xe8, (byte) 0xff, '\n'};
        assertEquals(new String(expected, StandardCharsets.ISO_8859_1),
                new String(out.toByteArray(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void rejectsAnUnknownEncodingNamingTheOption() {
        StreamHandler handler = new StreamHandler(new ByteArrayOutputStream());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handler.setEncoding("no-such-charset"));
        assertTrue(e.getMessage().contains("encoding") && e.getMessage().contains("no-such-charset"), e.getMessage());
    }

    @Test
    void closeFlushesButLeavesTheStreamOpenAndLaterRecordsAreIgnored() {
        WriteRecordingStream out = new WriteRecordingStream();
        StreamHandler handler = new StreamHandler(out);
        handler.close();
        handler.close();
        handler.publish(record("after close"));
        assertFalse(out.closed);
        assertTrue(out.writes.isEmpty());
        assertTrue(handler.isClosed());
    }

    @Test
    void reportsAFailingStreamOnceAndWritesAgainWhenItRecovers() {
        WriteRecordingStream out = new WriteRecordingStream();
        StreamHandler handler = new StreamHandler(out);
        CountingErrorManager errors = new CountingErrorManager();
        handler.setErrorManager(errors);
        out.failing = true;
        for (int i = 0; i < 100; i++) {
            handler.publish(record("lost " + i));
        }
        assertEquals(1, errors.count());
        assertTrue(errors.reports().get(0).message().contains("StreamHandler"), errors.reports().toString());
        assertEquals(100, handler.getLostRecordCount());
        out.failing = false;
        handler.publish(record("back"));
        assertEquals(List.of("back\n"), out.writes);
        out.failing = true;
        handler.publish(record("lost again"));
        assertEquals(2, errors.count());
    }

    @Test
    void aFailingFormatterIsReportedAndTheApplicationCarriesOn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler handler = new StreamHandler(out);
        CountingErrorManager errors = new CountingErrorManager();
        handler.setErrorManager(errors);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                throw new IllegalStateException("broken formatter");
            }
        });
        handler.publish(record("x"));
        assertEquals(1, errors.count());
        assertEquals(0, out.size());
    }

    @Test
    void honoursItsLevelAndFilter() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler handler = new StreamHandler(out);
        handler.setLevel(Level.WARNING);
        handler.publish(record("info is below"));
        handler.publish(new LogRecord(Level.SEVERE, "severe passes"));
        handler.setFilter(r -> !r.getMessage().contains("secret"));
        handler.publish(new LogRecord(Level.SEVERE, "secret"));
        assertEquals("severe passes\n", out.toString(StandardCharsets.UTF_8));
    }
}
