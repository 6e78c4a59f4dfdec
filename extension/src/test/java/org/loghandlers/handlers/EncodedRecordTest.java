package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.loghandlers.format.JsonFormatter;
import org.loghandlers.format.PythonFormatter;

class EncodedRecordTest {

    private static byte[] encode(String message, Formatter formatter, String terminator, Charset charset) {
        EncodedRecord encoded = EncodedRecord.take();
        try {
            encoded.encode(new LogRecord(Level.INFO, message), formatter, terminator, charset);
            return Arrays.copyOf(encoded.bytes(), encoded.length());
        } finally {
            encoded.release();
        }
    }

    @Test
    void encodesLikeStringGetBytesForEveryKindOfText() {
        PythonFormatter formatter = new PythonFormatter();
        String[] texts = {"plain ascii", "café", "emoji \ud83d\ude00 here", "lone \ud800 surrogate", "x".repeat(200_000),
            "до свидания", ""};
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            StandardCharsets.US_ASCII, Charset.forName("windows-1251"), StandardCharsets.UTF_16BE}) {
            for (String text : texts) {
                assertArrayEquals((text + "\n").getBytes(charset), encode(text, formatter, "\n", charset),
                        charset + " " + text.substring(0, Math.min(20, text.length())));
            }
        }
    }

    @Test
    void addsTheTerminatorOnlyWhenTheTextDoesNotEndWithIt() {
        PythonFormatter formatter = new PythonFormatter();
        assertEquals("a\r\n", new String(encode("a", formatter, "\r\n", StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
        assertEquals("a\r\n", new String(encode("a\r\n", formatter, "\r\n", StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
        assertEquals("a", new String(encode("a", formatter, "", StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void givesTheSameTextAsFormatForOurFormattersAndOthers() {
        LogRecord record = new LogRecord(Level.WARNING, "value {0}");
        record.setParameters(new Object[] {42});
        record.setLoggerName("com.acme");
        PythonFormatter subclassed = new PythonFormatter("%(message)s") {
            @Override
            public void formatTo(LogRecord record, StringBuilder out) {
                out.append("[subclass] ");
                super.formatTo(record, out);
            }
        };
        for (Formatter formatter : new Formatter[] {new PythonFormatter("%(levelname)s %(name)s %(message)s"),
            subclassed, new JsonFormatter(), new java.util.logging.SimpleFormatter()}) {
            EncodedRecord encoded = EncodedRecord.take();
            try {
                encoded.encode(record, formatter, "\n", StandardCharsets.UTF_8);
                String expected = formatter.format(record);
                expected = expected.endsWith("\n") ? expected : expected + "\n";
                assertEquals(expected, new String(encoded.bytes(), 0, encoded.length(), StandardCharsets.UTF_8));
            } finally {
                encoded.release();
            }
        }
    }

    @Test
    void aRecordFormattedWhileAnotherIsBeingEncodedOnTheSameThreadGetsItsOwnBuffers() {
        EncodedRecord outer = EncodedRecord.take();
        try {
            outer.encode(new LogRecord(Level.INFO, "outer"), new PythonFormatter(), "\n", StandardCharsets.UTF_8);
            assertArrayEquals("inner\n".getBytes(StandardCharsets.UTF_8),
                    encode("inner", new PythonFormatter(), "\n", StandardCharsets.UTF_8));
            assertEquals("outer\n", new String(outer.bytes(), 0, outer.length(), StandardCharsets.UTF_8));
        } finally {
            outer.release();
        }
    }
}
