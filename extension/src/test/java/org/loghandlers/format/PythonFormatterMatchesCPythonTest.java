package org.loghandlers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.Python;

/**
 * Formats the same records with {@link PythonFormatter} and with CPython 3.13's {@code logging.Formatter} (time
 * frozen at the record's instant) and compares the texts exactly: in UTC ({@code converter = time.gmtime}) and in
 * the JVM's default zone against Python's {@code localtime} in the same zone, across daylight saving changes. On
 * 3.11 and 3.12, which compute {@code created} and {@code msecs} from a float, the script sets them as 3.13 does.
 */
class PythonFormatterMatchesCPythonTest {

    private static final String PYTHON_FORMATTER = String.join("\n",
            "import logging, os, sys, time",
            "results = []",
            "for line in open(sys.argv[1], encoding='utf-8').read().split('\\n'):",
            "    if not line:",
            "        continue",
            "    fmt, datefmt, ns, levelno, name, msg, thread, thread_name, func, pid = line.split('\\t')",
            "    ns = int(ns)",
            "    time.time_ns = lambda ns=ns: ns",
            "    time.time = lambda ns=ns: ns / 1e9",
            "    record = logging.LogRecord(name, int(levelno), 'unused.py', 0, msg, None, None, func)",
            "    if sys.version_info < (3, 13):  # 3.13 derives created and msecs from time_ns(); older from time()",
            "        record.created = ns / 1e9",
            "        record.msecs = (ns % 1_000_000_000) // 1_000_000 + 0.0",
            "        if record.msecs == 999.0 and int(record.created) != ns // 1_000_000_000:",
            "            record.msecs = 0.0",
            "    record.thread, record.threadName = int(thread), thread_name",
            "    record.process, record.processName = int(pid), 'MainProcess'",
            "    formatter = logging.Formatter(fmt, datefmt or None)",
            "    if os.environ['CONVERTER'] == 'gmtime':",
            "        formatter.converter = time.gmtime",
            "    results.append(formatter.format(record))",
            "sys.stdout.write('\\0'.join(results))");

    private static final String[][] FORMATS = {
        {"%(asctime)s %(levelname)-8s %(name)s: %(message)s", ""},
        {"%(created)f|%(msecs)03d|%(levelno)5d|%%|%(levelname)8s|%(name).3s|%(message)-20s|%(levelname)+s", ""},
        {"%(created).3f %(created)e %(created).10g %(created)g %(created)s %(msecs)s %(msecs)6.2f %(msecs)+.1e"
            + " %(levelno)#x %(levelno)+05d %(levelno)o %(levelno)#o %(levelno)X %(levelno)-4d| %(levelno).3d"
            + " %(levelno) 5d %(created)015.4f %(msecs)G %(created)d %(levelno)s %(msecs)#.0f", ""},
        {"%(name)05s|%(levelno)05.3d|%(levelno)-05d|%(created)+ .2f|%(msecs)#g|%(msecs)#.3G|%(created).0e"
            + "|%(created)#.0e|%(levelno)#5.3x|%(message).0s|%(msecs).0f|%(lineno)0s|%(levelno)ld", ""},
        {"%(thread)d %(threadName)s %(process)d %(processName)s %(funcName)s %(lineno)d", ""},
        {"%(asctime)s %(message)s", "%d/%b/%Y:%H:%M:%S %z"},
        {"[%(asctime)s]", "%a %A %b %B %h %j %p %I %l %k %y %C %Z %c | %x | %X %U %W %w %u %G %g %V %e %s %D %F"
            + " %T %R %r %% %-d %-m %_H %^a %Ey %Od"},
    };

    @Test
    void formatsRecordsExactlyAsCPythonLoggingFormatterDoes(@TempDir Path workDir)
            throws IOException, InterruptedException {
        List<LogRecord> records = List.of(
                record(Level.INFO, "org.acme.billing", "Invoice 42 sent", 1_057_682_985L, 896_123_456),
                record(Level.SEVERE, "x", "before the epoch", -2L, 500_000_000),
                record(Level.FINE, "org.acme", "last nanosecond of a second", 1_057_682_985L, 999_999_999),
                record(Level.WARNING, "a.b.c", "on the second", 1_700_000_000L, 0),
                record(JBossLevel.FATAL, "leap", "leap day", 1_709_251_199L, 123_000_000),
                record(Level.CONFIG, "config", "noon on new year", 1_704_110_400L, 7_000_000),
                record(Level.FINEST, "finest", "midnight, sunday", 1_704_585_600L, 42_000_000));
        List<PythonFormatter> formatters = new ArrayList<>();
        for (String[] format : FORMATS) {
            PythonFormatter formatter = new PythonFormatter(format[0], format[1]);
            formatter.setUtc(true);
            formatters.add(formatter);
        }
        compareWithCPython(formatters, records, Map.of("TZ", "UTC", "CONVERTER", "gmtime"), workDir);
    }

    @Test
    void showsLocalTimeInTheJvmDefaultZoneAsPythonsLocaltimeDoes(@TempDir Path workDir)
            throws IOException, InterruptedException {
        List<LogRecord> records = List.of(
                record(Level.INFO, "dst", "last second of EST", 1_331_449_199L, 500_000_000),
                record(Level.INFO, "dst", "first second of EDT", 1_331_449_200L, 250_000_000),
                record(Level.INFO, "dst", "1:30 EDT", 1_351_992_600L, 0),
                record(Level.INFO, "dst", "1:30 EST, again", 1_351_996_200L, 0));
        TimeZone jvmZone = TimeZone.getDefault();
        List<PythonFormatter> formatters = new ArrayList<>();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            formatters.add(new PythonFormatter("%(asctime)s %(message)s"));
            formatters.add(new PythonFormatter("%(asctime)s", "%Y-%m-%d %H:%M:%S %Z %z %s"));
        } finally {
            TimeZone.setDefault(jvmZone);
        }
        compareWithCPython(formatters, records, Map.of("TZ", "America/New_York", "CONVERTER", "localtime"),
                workDir);
    }

    private static void compareWithCPython(List<PythonFormatter> formatters, List<LogRecord> records,
            Map<String, String> environment, Path workDir) throws IOException, InterruptedException {
        String python = Python.interpreter();
        StringBuilder input = new StringBuilder();
        List<String> fromJava = new ArrayList<>();
        List<String> described = new ArrayList<>();
        long pid = ProcessHandle.current().pid();
        for (PythonFormatter formatter : formatters) {
            String dateFormat = formatter.getDateFormat() == null ? "" : formatter.getDateFormat();
            for (LogRecord record : records) {
                fromJava.add(formatter.format(record));
                described.add("format " + formatter.getFormat() + " / " + dateFormat + " for " + record.getMessage());
                Instant instant = record.getInstant();
                long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
                input.append(String.join("\t", formatter.getFormat(), dateFormat, Long.toString(nanos),
                        Integer.toString(PythonLevel.number(record.getLevel())), record.getLoggerName(),
                        record.getMessage(), Long.toString(record.getLongThreadID()),
                        Thread.currentThread().getName(), record.getSourceMethodName(), Long.toString(pid)))
                        .append('\n');
            }
        }

        Path recordsFile = workDir.resolve("records.tsv");
        Files.writeString(recordsFile, input, StandardCharsets.UTF_8);
        String output = Python.run(PYTHON_FORMATTER, workDir, environment, recordsFile.toString());
        List<String> fromPython = List.of(output.split("\0", -1));

        assertEquals(fromJava.size(), fromPython.size(), "one text per record and format");
        for (int i = 0; i < fromPython.size(); i++) {
            assertEquals(fromPython.get(i), fromJava.get(i), described.get(i) + " (" + python + ")");
        }
    }

    @SuppressWarnings("deprecation")
    private static LogRecord record(Level level, String logger, String message, long epochSecond, int nanos) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setInstant(Instant.ofEpochSecond(epochSecond, nanos));
        record.setLongThreadID(Thread.currentThread().getId());
        record.setSourceClassName("org.acme.Billing");
        record.setSourceMethodName("send");
        return record;
    }
}
