package org.loghandlers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** {@link PythonFormatter#formatUtf8To} writes the bytes of the very text {@link PythonFormatter#format} gives. */
class PythonFormatterUtf8Test {

    private static final String[] FORMATS = {
        PythonFormatter.DEFAULT_FORMAT,
        "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s]: %(message)s",
        "%(asctime)s,%(msecs)03d %(levelno)d %(process)d %(thread)d %(lineno)d %(funcName)s %(module)s: %(msg)s",
        "%(name)20s|%(levelname).3s|%(threadName)-12s|%(message)-30.20s|%(created)f|%(relativeCreated)8.1f %%",
        "→ %(levelname)s « %(name)s » %(message)s ←",
        "%(message)s\n",
        "%(name)s:%(levelname)s:%(threadName)s:%(name)s:%(levelname)s:%(message)s:%(threadName)s",
        "",
    };
    private static final String[] DATE_FORMATS = {null, "%d.%m.%Y %H:%M:%S", "%H:%M:%S.%f", "%A %B %Z"};

    private static LogRecord record(Level level, String logger, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setInstant(Instant.parse("2003-07-08T16:49:45.896123Z"));
        record.setSourceClassName("com.acme.billing.Invoices$Sender");
        record.setSourceMethodName("send");
        record.setThrown(thrown);
        return record;
    }

    private static String viaUtf8(PythonFormatter formatter, LogRecord record, String before) {
        Utf8Text out = new Utf8Text(8);
        out.appendUtf8(before);
        assertTrue(formatter.formatUtf8To(record, out));
        return new String(out.bytes(), 0, out.length(), StandardCharsets.UTF_8);
    }

    @Test
    void givesTheBytesOfFormatsTextForEveryFormatDateFormatAndZone() {
        LogRecord[] records = {
            record(Level.INFO, "com.acme", "Invoice 42 sent", null),
            record(Level.WARNING, "com.acmé.счета", "Rechnung für Müller: 中文 \ud83d\ude00", null),
            record(Level.SEVERE, "", "", new IllegalStateException("disk gone: ü")),
            record(Level.parse("1100"), null, null, null),
            record(Level.FINE, "com.acme", "ends with a newline\n", new RuntimeException()),
            record(Level.CONFIG, "lone", "lone \ud800 surrogate", null),
        };
        for (String format : FORMATS) {
            for (String dateFormat : DATE_FORMATS) {
                for (boolean utc : new boolean[] {false, true}) {
                    PythonFormatter formatter = new PythonFormatter(format, dateFormat);
                    formatter.setUtc(utc);
                    for (LogRecord record : records) {
                        String expected = new String(formatter.format(record).getBytes(StandardCharsets.UTF_8),
                                StandardCharsets.UTF_8);
                        assertEquals(expected, viaUtf8(formatter, record, ""), format + " / " + dateFormat);
                        assertEquals("prefix " + expected, viaUtf8(formatter, record, "prefix "), format);
                    }
                }
            }
        }
    }

    @Test
    void printsEachOfManyLoggerAndThreadNamesRightlyWhateverTheirHashes() {
        PythonFormatter formatter = new PythonFormatter("%(name)s %(threadName)s %(levelname)s");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 500; i++) {
                String logger = "com.acme.service" + i + (i % 7 == 0 ? ".größe" : "");
                LogRecord record = record(Level.INFO, logger, "m", null);
                assertEquals(formatter.format(record), viaUtf8(formatter, record, ""), logger);
            }
        }
    }

    @Test
    void leavesTheTextToASubclassThatChangesFormatToOrFormat() {
        PythonFormatter changesFormatTo = new PythonFormatter("%(message)s") {
            @Override
            public void formatTo(LogRecord record, StringBuilder out) {
                out.append("[custom] ");
                super.formatTo(record, out);
            }
        };
        PythonFormatter changesFormat = new PythonFormatter("%(message)s") {
            @Override
            public String format(LogRecord record) {
                return "[custom] " + super.format(record);
            }
        };
        PythonFormatter changesNothing = new PythonFormatter("%(message)s") {
        };
        LogRecord record = record(Level.INFO, "com.acme", "hello", null);
        assertFalse(changesFormatTo.formatUtf8To(record, new Utf8Text(8)));
        assertFalse(changesFormat.formatUtf8To(record, new Utf8Text(8)));
        assertEquals("hello", viaUtf8(changesNothing, record, ""));
    }

    @Test
    void aSubclassChangingTheMessageIsHeardOnTheUtf8PathToo() {
        PythonFormatter redacting = new PythonFormatter("%(levelname)s %(message)s") {
            @Override
            public synchronized String formatMessage(LogRecord record) {
                return super.formatMessage(record).replace("secret", "******");
            }
        };
        assertEquals("INFO the ****** is out",
                viaUtf8(redacting, record(Level.INFO, "com.acme", "the secret is out", null), ""));
    }
}
