package org.loghandlers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class PythonFormatterTest {

    private static final Instant JULY_8_2003 = Instant.parse("2003-07-08T16:49:45.896123Z");

    @Test
    void formatsTheMessageAloneByDefaultLikePythonsFormatter() {
        PythonFormatter formatter = new PythonFormatter();
        assertEquals("%(message)s", formatter.getFormat());
        assertNull(formatter.getDateFormat());
        assertEquals("Invoice 42 sent", formatter.format(record(Level.INFO, "Invoice 42 sent")));
    }

    @Test
    void mergesMessageFormatParametersIntoTheMessage() {
        LogRecord record = record(Level.INFO, "Invoice {0} sent to {1}");
        record.setParameters(new Object[] {42, "ACME"});
        PythonFormatter formatter = new PythonFormatter("%(levelname)s %(message)s / %(msg)s");
        assertEquals("INFO Invoice 42 sent to ACME / Invoice {0} sent to {1}", formatter.format(record));
    }

    @Test
    void localizesTheMessageThroughTheRecordsResourceBundle() {
        LogRecord record = record(Level.INFO, "invoice.sent");
        record.setResourceBundle(new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"invoice.sent", "Rechnung {0} verschickt"}};
            }
        });
        record.setParameters(new Object[] {"42"});
        assertEquals("Rechnung 42 verschickt", new PythonFormatter().format(record));
    }

    @Test
    void appendsTheStackTraceOnANewLineAfterTheTextAsPythonAppendsTheTraceback() {
        IllegalStateException failure = new IllegalStateException("disk gone", new java.io.IOException("EIO"));
        LogRecord record = record(Level.SEVERE, "cannot write");
        record.setThrown(failure);

        String text = new PythonFormatter("%(levelname)s %(message)s").format(record);

        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed, true));
        String trace = printed.toString().stripTrailing();
        assertEquals("ERROR cannot write\n" + trace, text);
        assertTrue(text.contains("\njava.lang.IllegalStateException: disk gone\n\tat "), text);
        assertTrue(text.contains("Caused by: java.io.IOException: EIO"), text);
        assertTrue(!text.endsWith("\n"), "no line end after the trace");
    }

    @Test
    void doesNotAddASecondLineEndBeforeTheTraceWhenTheTextEndsWithOne() {
        LogRecord record = record(Level.SEVERE, "cannot write");
        record.setThrown(new IllegalStateException("disk gone"));
        String text = new PythonFormatter("%(message)s\n").format(record);
        assertTrue(text.startsWith("cannot write\njava.lang.IllegalStateException: disk gone\n"), text);
    }

    @Test
    void offersTheStackTraceAsExcTextAndLeavesItEmptyWithoutAThrowable() {
        LogRecord withThrowable = record(Level.SEVERE, "x");
        withThrowable.setThrown(new IllegalStateException("disk gone"));
        PythonFormatter formatter = new PythonFormatter("[%(exc_text).44s][%(stack_info)s]");
        assertTrue(formatter.format(withThrowable)
                .startsWith("[java.lang.IllegalStateException: disk gone\n\t][]\njava.lang.IllegalStateException"),
                formatter.format(withThrowable));
        assertEquals("[][]", formatter.format(record(Level.INFO, "x")));
    }

    @Test
    void takesModuleFilenamePathnameAndFuncNameFromTheSourceClassAndMethod() {
        LogRecord record = record(Level.INFO, "x");
        record.setSourceClassName("com.acme.billing.Invoices$Sender");
        record.setSourceMethodName("send");
        PythonFormatter formatter = new PythonFormatter(
                "%(pathname)s|%(filename)s|%(module)s|%(funcName)s|%(lineno)d");
        assertEquals("com.acme.billing.Invoices$Sender|Invoices.java|Invoices|send|0", formatter.format(record));
    }

    @Test
    void showsPythonsUnknownCallerTextsWhenTheSourceIsUnknown() {
        LogRecord record = record(Level.INFO, "x");
        record.setSourceClassName(null);
        record.setSourceMethodName(null);
        PythonFormatter formatter = new PythonFormatter("%(pathname)s|%(filename)s|%(module)s|%(funcName)s");
        assertEquals("(unknown file)|(unknown file)|(unknown file)|(unknown function)", formatter.format(record));
    }

    @Test
    @SuppressWarnings("deprecation")
    void namesTheCurrentThreadAndFallsBackToThreadIdForAnother() {
        PythonFormatter formatter = new PythonFormatter("%(threadName)s %(thread)d");
        LogRecord mine = record(Level.INFO, "x");
        mine.setLongThreadID(Thread.currentThread().getId());
        assertEquals(Thread.currentThread().getName() + " " + Thread.currentThread().getId(), formatter.format(mine));
        LogRecord other = record(Level.INFO, "x");
        other.setLongThreadID(Thread.currentThread().getId() + 1000);
        long otherId = Thread.currentThread().getId() + 1000;
        assertEquals("Thread-" + otherId + " " + otherId, formatter.format(other));
    }

    @Test
    void showsTheProcessIdAndPythonsMainProcessName() {
        PythonFormatter formatter = new PythonFormatter("%(process)d %(processName)s");
        assertEquals(ProcessHandle.current().pid() + " MainProcess", formatter.format(record(Level.INFO, "x")));
    }

    @Test
    void measuresRelativeCreatedFromWhenTheFormatterClassWasLoaded() {
        PythonFormatter formatter = new PythonFormatter("%(relativeCreated)d");
        LogRecord now = new LogRecord(Level.INFO, "x");
        long sinceLoad = Long.parseLong(formatter.format(now));
        LogRecord minuteLater = new LogRecord(Level.INFO, "x");
        minuteLater.setInstant(now.getInstant().plusSeconds(60));
        assertTrue(sinceLoad >= 0, "relativeCreated " + sinceLoad);
        assertEquals(sinceLoad + 60_000, Long.parseLong(formatter.format(minuteLater)), 1);
    }

    @Test
    void rendersMicrosecondsForPercentFInADateFormat() {
        PythonFormatter formatter = new PythonFormatter("%(asctime)s", "%H:%M:%S.%f");
        formatter.setUtc(true);
        assertEquals("16:49:45.896123", formatter.format(record(Level.INFO, "x")));
    }

    @Test
    void keepsTheDateTextOfEachSecondApartWhenRecordsAlternate() {
        PythonFormatter formatter = new PythonFormatter("%(asctime)s", "%H:%M:%S");
        formatter.setUtc(true);
        LogRecord first = record(Level.INFO, "x");
        LogRecord second = record(Level.INFO, "x");
        second.setInstant(JULY_8_2003.plusSeconds(1));
        assertEquals("16:49:45", formatter.format(first));
        assertEquals("16:49:46", formatter.format(second));
        assertEquals("16:49:45", formatter.format(first));
    }

    @Test
    void appliesANewFormatDateFormatAndZoneToTheNextRecord() {
        PythonFormatter formatter = new PythonFormatter("%(message)s");
        formatter.setUtc(true);
        LogRecord record = record(Level.WARNING, "x");
        assertEquals("x", formatter.format(record));
        formatter.setFormat("%(asctime)s %(levelname)s");
        assertEquals("2003-07-08 16:49:45,896 WARNING", formatter.format(record));
        formatter.setDateFormat("%Y");
        assertEquals("%Y", formatter.getDateFormat());
        assertEquals("2003 WARNING", formatter.format(record));
        formatter.setDateFormat("");
        assertNull(formatter.getDateFormat());
        assertEquals("2003-07-08 16:49:45,896 WARNING", formatter.format(record));
        assertTrue(formatter.isUtc());
    }

    @Test
    void rejectsAnUnknownAttributeNamingTheOptionTheValueAndTheAcceptedNames() {
        PythonFormatter formatter = new PythonFormatter("%(message)s");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> formatter.setFormat("%(asctime)s %(levelnam)s"));
        String message = error.getMessage();
        assertTrue(message.startsWith("format: '%(asctime)s %(levelnam)s'"), message);
        assertTrue(message.contains("unknown attribute 'levelnam'"), message);
        assertTrue(message.contains("name, msg, levelname, levelno, pathname, filename, module"), message);
        assertTrue(message.contains("asctime"), message);
        assertEquals("%(message)s", formatter.getFormat(), "the old format stays");
    }

    @Test
    void rejectsMalformedConversionsSayingWhatIsWrong() {
        assertRejected("%(levelname)d", "applies a number conversion to the text attribute levelname");
        assertRejected("%(created)x", "needs an integer but created is a float");
        assertRejected("%(message)", "has no conversion character");
        assertRejected("%(message)5", "has no conversion character");
        assertRejected("%(message", "is never closed");
        assertRejected("100% sure: %(message)s", "'%' at position 3 is neither '%%' nor followed by '(attribute)'");
        assertRejected("%s", "is neither '%%' nor followed by '(attribute)'");
        assertRejected("%(message)r", "unsupported conversion 'r'");
        assertRejected("%(lineno)*d", "unsupported conversion '*'");
        assertThrows(IllegalArgumentException.class, () -> new PythonFormatter(null));
    }

    private static void assertRejected(String format, String problem) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PythonFormatter(format));
        String message = error.getMessage();
        assertTrue(message.startsWith("format: '" + format + "' is not a valid Python %-style format: "), message);
        assertTrue(message.contains(problem), message);
        assertTrue(message.contains("conversion is one of s d i u o x X e E f F g G"), message);
    }

    @Test
    void rejectsAnUnknownDateDirectiveNamingTheOptionAndTheAcceptedDirectives() {
        PythonFormatter formatter = new PythonFormatter("%(asctime)s", "%H:%M");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> formatter.setDateFormat("%Y-%m-%d %Q"));
        String message = error.getMessage();
        assertTrue(message.startsWith("dateFormat: '%Y-%m-%d %Q' is not a valid time.strftime format:"), message);
        assertTrue(message.contains("unknown directive '%Q'"), message);
        assertTrue(message.contains("%a %A %b"), message);
        assertEquals("%H:%M", formatter.getDateFormat(), "the old date format stays");
        assertThrows(IllegalArgumentException.class, () -> formatter.setDateFormat("%Y %"));
    }

    @Test
    void formatsARecordWhoseParameterLogsWhileBeingFormatted() {
        PythonFormatter formatter = new PythonFormatter("<%(levelname)s %(message)s>");
        Object loggingParameter = new Object() {
            @Override
            public String toString() {
                return formatter.format(record(Level.FINE, "inner"));
            }
        };
        LogRecord outer = record(Level.INFO, "outer {0}");
        outer.setParameters(new Object[] {loggingParameter});
        assertEquals("<INFO outer <DEBUG inner>>", formatter.format(outer));
    }

    @Test
    void givesEachThreadItsOwnRecordsTextWhenManyFormatAtOnce() throws Exception {
        PythonFormatter formatter = new PythonFormatter(
                "%(asctime)s %(levelname)-8s %(name)s %(msecs)03d %(message)s", null);
        formatter.setUtc(true);
        List<LogRecord> records = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            LogRecord record = record(i % 2 == 0 ? Level.INFO : Level.SEVERE, "message " + i + " {0}");
            record.setParameters(new Object[] {"p" + i});
            record.setLoggerName("logger" + i);
            record.setInstant(JULY_8_2003.plusMillis(i * 997L));
            records.add(record);
            alone.add(formatter.format(record));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    List<String> texts = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        for (LogRecord record : records) {
                            texts.add(formatter.format(record));
                        }
                    }
                    return texts;
                });
            }
            for (Future<List<String>> result : pool.invokeAll(tasks)) {
                List<String> texts = result.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertEquals(alone.get(i % records.size()), texts.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readsTheMessageThreadNameAndSourceLineOfAJBossRecord() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Invoice %d sent to %s",
                ExtLogRecord.FormatStyle.PRINTF, PythonFormatterTest.class.getName());
        record.setParameters(new Object[] {42, "ACME"});
        record.setThreadName("worker-7");
        record.setSourceClassName("com.acme.Billing");
        record.setSourceMethodName("send");
        record.setSourceFileName("Billing.kt");
        record.setSourceLineNumber(128);
        PythonFormatter formatter = new PythonFormatter(
                "%(threadName)s %(filename)s %(module)s:%(lineno)d %(funcName)s %(message)s");
        assertEquals("worker-7 Billing.kt Billing:128 send Invoice 42 sent to ACME", formatter.format(record));
    }

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("org.acme");
        record.setInstant(JULY_8_2003);
        record.setSourceClassName("org.acme.Billing");
        record.setSourceMethodName("send");
        return record;
    }
}
