package org.loghandlers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.Python;

class JsonFormatterTest {

    private static final Instant JULY_8_2003 = Instant.parse("2003-07-08T16:49:45.896123Z");

    private static final String NASTY = "quote \" backslash \\ slash / nul \u0000 bell \u0007 tab \t nl \n cr \r"
            + " bs \b ff \f del \u007f ls \u2028 ps \u2029 lone-high \ud800 lone-low \udc00 pair \ud83d\ude00"
            + " reversed \udc00\ud800 high-at-end \ud800";

    /** Prints each JSON line's leaves as {@code path=type:value}, strings as their code points in hex. */
    private static final String PYTHON_FLATTENER = String.join("\n",
            "import json, sys",
            "def flat(prefix, value, out):",
            "    if isinstance(value, dict):",
            "        for key, item in value.items():",
            "            flat(prefix + '.' + key if prefix else key, item, out)",
            "    elif isinstance(value, list):",
            "        for i, item in enumerate(value):",
            "            flat('%s[%d]' % (prefix, i), item, out)",
            "    elif isinstance(value, bool) or value is None:",
            "        out.append('%s=%r' % (prefix, value))",
            "    elif isinstance(value, int):",
            "        out.append('%s=int:%d' % (prefix, value))",
            "    elif isinstance(value, str):",
            "        out.append('%s=str:%s' % (prefix, ' '.join('%x' % ord(c) for c in value)))",
            "    else:",
            "        out.append('%s=other:%r' % (prefix, value))",
            "for line in open(sys.argv[1], encoding='utf-8').read().split('\\n'):",
            "    if line:",
            "        leaves = []",
            "        flat('', json.loads(line), leaves)",
            "        print('\\t'.join(leaves))");

    @Test
    void writesRecordsThatPythonsJsonModuleReadsBackIntact(@TempDir Path workDir)
            throws IOException, InterruptedException {
        Python.interpreter();
        JsonFormatter formatter = new JsonFormatter();
        formatter.setUtc(true);

        LogRecord everything = record(Level.SEVERE, "{0}|{1}|{2}|" + NASTY);
        everything.setLoggerName("org.acme.\"quoted\"");
        everything.setParameters(new Object[] {"a\nb", null, 42});
        IllegalStateException failure = new IllegalStateException("outer \"x\"\n\u2028",
                new IOException("middle", new RuntimeException((String) null)));
        everything.setThrown(failure);

        LogRecord minimal = record(JBossLevel.FATAL, NASTY);
        minimal.setSourceClassName(null);
        minimal.setSourceMethodName(null);
        minimal.setInstant(Instant.parse("1969-12-31T23:59:58.007Z"));

        String[] lines = {formatter.format(everything), formatter.format(minimal)};
        for (String line : lines) {
            assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + line);
        }

        Map<String, Object> first = new LinkedHashMap<>();
        first.put("timestamp", "2003-07-08T16:49:45.896+00:00");
        first.put("level", "ERROR");
        first.put("levelno", 40);
        first.put("javaLevel", "SEVERE");
        first.put("logger", "org.acme.\"quoted\"");
        first.put("message", "a\nb|null|42|" + NASTY);
        first.put("thread", Thread.currentThread().getName());
        first.put("threadId", everything.getLongThreadID());
        first.put("sequence", everything.getSequenceNumber());
        first.put("sourceClass", "org.acme.Billing");
        first.put("sourceMethod", "send");
        first.put("parameters[0]", "a\nb");
        first.put("parameters[1]", "null");
        first.put("parameters[2]", "42");
        first.put("exception.class", "java.lang.IllegalStateException");
        first.put("exception.message", "outer \"x\"\n\u2028");
        first.put("exception.stackTrace", printed(failure));
        first.put("exception.cause.class", "java.io.IOException");
        first.put("exception.cause.message", "middle");
        first.put("exception.cause.cause.class", "java.lang.RuntimeException");
        first.put("exception.cause.cause.message", null);

        Map<String, Object> second = new LinkedHashMap<>();
        second.put("timestamp", "1969-12-31T23:59:58.007+00:00");
        second.put("level", "CRITICAL");
        second.put("levelno", 50);
        second.put("javaLevel", "FATAL");
        second.put("logger", "org.acme");
        second.put("message", NASTY);
        second.put("thread", Thread.currentThread().getName());
        second.put("threadId", minimal.getLongThreadID());
        second.put("sequence", minimal.getSequenceNumber());

        Path jsonLines = workDir.resolve("records.jsonl");
        Files.writeString(jsonLines, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        String decoded = Python.run(PYTHON_FLATTENER, workDir, Map.of(), jsonLines.toString());
        assertEquals(flattened(first) + "\n" + flattened(second) + "\n", decoded);
    }

    @Test
    void escapesQuotesBackslashesControlsLineSeparatorsAndLoneSurrogates() {
        StringBuilder out = new StringBuilder();
        JsonText.appendString(out, NASTY);
        assertEquals("\"quote \\\" backslash \\\\ slash / nul \\u0000 bell \\u0007 tab \\t nl \\n cr \\r"
                + " bs \\b ff \\f del \u007f ls \\u2028 ps \\u2029 lone-high \\ud800 lone-low \\udc00"
                + " pair \ud83d\ude00 reversed \\udc00\\ud800 high-at-end \\ud800\"", out.toString());
    }

    @Test
    void leavesOutSourceParametersMdcAndExceptionWhenTheRecordHasNone() {
        JsonFormatter formatter = new JsonFormatter();
        formatter.setUtc(true);
        LogRecord record = record(Level.INFO, "plain");
        record.setSourceClassName(null);
        record.setSourceMethodName(null);
        String json = formatter.format(record);
        assertTrue(json.startsWith("{\"timestamp\":\"2003-07-08T16:49:45.896+00:00\",\"level\":\"INFO\","
                + "\"levelno\":20,\"javaLevel\":\"INFO\",\"logger\":\"org.acme\",\"message\":\"plain\",\"thread\":"),
                json);
        assertTrue(json.endsWith(",\"sequence\":" + record.getSequenceNumber() + "}"), json);
        for (String absent : List.of("sourceClass", "sourceMethod", "parameters", "mdc", "exception")) {
            assertFalse(json.contains(absent), absent + " in " + json);
        }
    }

    @Test
    void writesTheTimestampWithTheOffsetOfTheJvmDefaultZone() {
        TimeZone jvmZone = TimeZone.getDefault();
        JsonFormatter formatter;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            formatter = new JsonFormatter();
        } finally {
            TimeZone.setDefault(jvmZone);
        }
        assertFalse(formatter.isUtc());
        LogRecord winter = record(Level.INFO, "x");
        winter.setInstant(Instant.parse("2012-03-11T06:59:59.500Z"));
        LogRecord summer = record(Level.INFO, "x");
        summer.setInstant(Instant.parse("2012-03-11T07:00:00.025Z"));
        assertTrue(formatter.format(winter).startsWith("{\"timestamp\":\"2012-03-11T01:59:59.500-05:00\""));
        assertTrue(formatter.format(summer).startsWith("{\"timestamp\":\"2012-03-11T03:00:00.025-04:00\""));
    }

    @Test
    void copiesTheMdcOfAJBossRecord() {
        MDC.put("requestId", "r-42");
        MDC.put("user", "ann \"the admin\"");
        ExtLogRecord record;
        try {
            record = new ExtLogRecord(Level.INFO, "Invoice %s sent", ExtLogRecord.FormatStyle.PRINTF,
                    JsonFormatterTest.class.getName());
            record.copyMdc();
        } finally {
            MDC.remove("requestId");
            MDC.remove("user");
        }
        record.setParameters(new Object[] {"42"});
        record.setSourceClassName("org.acme.Billing");
        record.setSourceMethodName("send");
        record.setThreadName("worker-7");
        String json = new JsonFormatter().format(record);
        assertTrue(json.contains("\"message\":\"Invoice 42 sent\""), json);
        assertTrue(json.contains("\"thread\":\"worker-7\""), json);
        assertTrue(json.contains(",\"mdc\":{"), json);
        assertTrue(json.contains("\"requestId\":\"r-42\""), json);
        assertTrue(json.contains("\"user\":\"ann \\\"the admin\\\"\""), json);
    }

    @Test
    void stopsTheCauseChainWhereACauseRepeats() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        LogRecord record = record(Level.SEVERE, "loop");
        record.setThrown(first);
        String json = new JsonFormatter().format(record);
        assertTrue(json.endsWith(",\"cause\":{\"class\":\"java.lang.RuntimeException\",\"message\":\"second\"}}}"),
                json);
    }

    private static String printed(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text, true));
        return text.toString().substring(0, text.toString().length() - System.lineSeparator().length());
    }

    private static String flattened(Map<String, Object> leaves) {
        List<String> parts = new ArrayList<>();
        leaves.forEach((path, value) -> {
            if (value == null) {
                parts.add(path + "=None");
            } else if (value instanceof String) {
                parts.add(path + "=str:" + ((String) value).codePoints().mapToObj(Integer::toHexString)
                        .collect(Collectors.joining(" ")));
            } else {
                parts.add(path + "=int:" + value);
            }
        });
        return String.join("\t", parts);
    }

    @SuppressWarnings("deprecation")
    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("org.acme");
        record.setInstant(JULY_8_2003);
        record.setLongThreadID(Thread.currentThread().getId());
        record.setSourceClassName("org.acme.Billing");
        record.setSourceMethodName("send");
        return record;
    }
}
