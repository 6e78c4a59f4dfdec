package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loghandlers.testing.ProgramRecords.PYTHON_FORMAT;
import static org.loghandlers.testing.ProgramRecords.pythonLines;
import static org.loghandlers.testing.ProgramRecords.rotatingFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.AuditLog;
import org.loghandlers.testing.FrameReceiver;
import org.loghandlers.testing.PlainJvm;

/**
 * Each handler configured only by the JDK's {@code logging.properties}, in a plain JVM that knows nothing of
 * loghandlers: the JDK builds the handler with its no-argument constructor and calls no setter, so everything here
 * comes from {@code <class name>.<option>}.
 */
class LoggingPropertiesTest {

    @TempDir
    Path dir;

    /** Runs the program logging {@code count} records to {@code loggers} under {@code properties}. */
    private PlainJvm.Output run(String properties, String loggers, int count, long pauseMillis)
            throws IOException, InterruptedException {
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, properties, StandardCharsets.UTF_8);
        return PlainJvm.run(dir, List.of("java.util.logging.config.file=" + config),
                loggers, Integer.toString(count), Long.toString(pauseMillis));
    }

    /**
     * Logger {@code app} writing only to {@code handler}'s file {@code fileName} under {@code logs} with a
     * PythonFormatter of {@link org.loghandlers.testing.ProgramRecords#PYTHON_FORMAT}, and {@code options}.
     */
    private String onePythonFormattedFile(String handler, String fileName, String options) {
        return """
                app.handlers=%1$s
                app.useParentHandlers=false
                %1$s.fileName=%2$s
                %1$s.formatter=org.loghandlers.format.PythonFormatter
                org.loghandlers.format.PythonFormatter.format=%3$s
                """.formatted(handler, log(fileName), PYTHON_FORMAT) + options;
    }

    private Path logs() {
        return dir.resolve("logs");
    }

    private String log(String name) {
        return logs().resolve(name).toString();
    }

    private List<String> lines(String name) throws IOException {
        return Files.readAllLines(logs().resolve(name), StandardCharsets.UTF_8);
    }

    private List<String> logFileNames() throws IOException {
        try (Stream<Path> files = Files.list(logs())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void rotatingFileHandlerRollsOverAtMaxBytesKeepingBackupCountBackupsNamedAsPythonNamesThem() throws Exception {
        String handler = RotatingFileHandler.class.getName();
        run(onePythonFormattedFile(handler, "app.log", """
                %1$s.maxBytes=300
                %1$s.backupCount=2
                """.formatted(handler)), "app", 60, 0);

        List<List<String>> files = rotatingFiles(pythonLines("app", 0, 60), 300);
        assertEquals(List.of("app.log", "app.log.1", "app.log.2"), logFileNames());
        assertEquals(files.get(files.size() - 1), lines("app.log"));
        assertEquals(files.get(files.size() - 2), lines("app.log.1"));
        assertEquals(files.get(files.size() - 3), lines("app.log.2"));
    }

    @Test
    void onTheBootClassPathAHandlerStillLoadsTheFormatterItsPropertiesName() throws Exception {
        // As on a server started with -Xbootclasspath/a:loghandlers.jar, where our classes' class loader is null
        // (the bootstrap loader).
        String handler = RotatingFileHandler.class.getName();
        String bootClassPath = codeSource(RotatingFileHandler.class);
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, onePythonFormattedFile(handler, "app.log", ""), StandardCharsets.UTF_8);
        PlainJvm.Output output = PlainJvm.run(dir, List.of("-Xbootclasspath/a:" + bootClassPath),
                List.of("java.util.logging.config.file=" + config), "app", "4", "0");

        assertEquals(pythonLines("app", 0, 4), lines("app.log"));
        assertEquals("", output.stderr());
    }

    private static String codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void fileHandlerTruncatesInModeWAndKeepsOnlyRecordsAtItsLevel() throws Exception {
        Files.createDirectories(logs());
        Files.writeString(logs().resolve("app.log"), "from an earlier run\n");
        String handler = FileHandler.class.getName();
        PlainJvm.Output output = run(onePythonFormattedFile(handler, "app.log", """
                %1$s.mode=w
                %1$s.level=WARNING
                %1$s.encoding=ISO-8859-1
                """.formatted(handler)), "app", 6, 0);

        assertEquals(List.of("WARNING:app:record 01", "WARNING:app:record 03", "WARNING:app:record 05"),
                lines("app.log"));
        assertEquals("", output.stderr());
    }

    @Test
    void watchedFileHandlerWritesToItsFileInTheDateFormatOfThePythonFormatter() throws Exception {
        String handler = WatchedFileHandler.class.getName();
        run("""
                app.handlers=%1$s
                app.useParentHandlers=false
                %1$s.fileName=%2$s
                %1$s.formatter=org.loghandlers.format.PythonFormatter
                org.loghandlers.format.PythonFormatter.format=%%(asctime)s %%(message)s
                org.loghandlers.format.PythonFormatter.dateFormat=%%Y
                """.formatted(handler, log("watched.log")), "app", 2, 0);

        String year = Integer.toString(java.time.Year.now().getValue());
        assertEquals(List.of(year + " record 00", year + " record 01"), lines("watched.log"));
    }

    @Test
    void timedRotatingFileHandlerRollsOverEverySecondWithBackupsNamedByTheirTimeInUtc() throws Exception {
        String handler = TimedRotatingFileHandler.class.getName();
        run(onePythonFormattedFile(handler, "timed.log", """
                %1$s.when=S
                %1$s.interval=1
                %1$s.utc=true
                %1$s.backupCount=10
                """.formatted(handler)), "app", 6, 500);

        List<String> names = logFileNames();
        List<String> backups = names.stream().filter(name -> !name.equals("timed.log")).toList();
        assertTrue(names.contains("timed.log"), names.toString());
        assertTrue(backups.size() >= 2, "at least two rollovers in three seconds: " + names);
        String pythonSuffixForSeconds = "\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}";
        assertTrue(backups.stream().allMatch(name -> name.matches("timed\\.log\\." + pythonSuffixForSeconds)),
                "Python's suffix for when=S: " + backups);
        List<String> all = new ArrayList<>();
        for (String name : backups) {
            all.addAll(lines(name));
        }
        all.addAll(lines("timed.log"));
        assertEquals(pythonLines("app", 0, 6), all, "every record once, in order across the backups");
    }

    @Test
    void streamHandlerWritesJsonToStandardOutputWithUtcTimestamps() throws Exception {
        String handler = StreamHandler.class.getName();
        PlainJvm.Output output = run("""
                app.handlers=%1$s
                app.useParentHandlers=false
                %1$s.stream=stdout
                %1$s.formatter=org.loghandlers.format.JsonFormatter
                org.loghandlers.format.JsonFormatter.utc=true
                """.formatted(handler), "app", 2, 0);

        List<String> json = output.stdoutLines().stream().filter(line -> line.startsWith("{")).toList();
        assertEquals(2, json.size(), output.stdout());
        assertTrue(json.get(0).contains("\"message\":\"record 00\""), json.get(0));
        assertTrue(json.get(1).contains("\"level\":\"WARNING\""), json.get(1));
        assertTrue(json.stream().allMatch(line -> line.matches("\\{\"timestamp\":\"[^\"]*(Z|\\+00:00)\".*")),
                "UTC timestamps: " + json);
    }

    @Test
    void memoryBufferingQueueAndNullHandlersTakeTheirOptionsAndSayATargetCannotBeSetThisWay() throws Exception {
        PlainJvm.Output output = run("""
                app.handlers=org.loghandlers.handlers.MemoryHandler, org.loghandlers.handlers.BufferingHandler, \
                org.loghandlers.handlers.QueueHandler, org.loghandlers.handlers.NullHandler
                app.useParentHandlers=false
                org.loghandlers.handlers.MemoryHandler.capacity=5
                org.loghandlers.handlers.MemoryHandler.flushLevel=CRITICAL
                org.loghandlers.handlers.MemoryHandler.flushOnClose=false
                org.loghandlers.handlers.MemoryHandler.target=org.loghandlers.handlers.NullHandler
                org.loghandlers.handlers.BufferingHandler.capacity=3
                org.loghandlers.handlers.QueueHandler.capacity=100
                org.loghandlers.handlers.QueueHandler.overflowPolicy=drop-newest
                org.loghandlers.handlers.QueueHandler.level=FINE
                org.loghandlers.handlers.NullHandler.level=SEVERE
                """, "app", 2, 0);

        List<String> handlers = output.stdoutLines().stream().filter(line -> line.startsWith("handler ")).toList();
        assertEquals(4, handlers.size(), output.stdout());
        assertProperties(handlers.get(0), MemoryHandler.class, "capacity=5", "flushLevel=1100", "flushOnClose=false",
                "target=null");
        assertProperties(handlers.get(1), BufferingHandler.class, "capacity=3");
        assertProperties(handlers.get(2), QueueHandler.class, "capacity=128", "overflowPolicy=drop-newest",
                "level=FINE");
        assertProperties(handlers.get(3), NullHandler.class, "level=SEVERE");
        assertEquals(List.of("loghandlers: logging.properties: org.loghandlers.handlers.MemoryHandler.target="
                + "org.loghandlers.handlers.NullHandler: a handler-typed option cannot be set in logging.properties;"
                + " configure it in Java, through MicroProfile Config or JBoss LogManager's logging.properties;"
                + " keeping the default"), output.stderrLines());
    }

    @Test
    void socketAndDatagramHandlersSendToTheHostAndPortTheirPropertiesName() throws Exception {
        try (FrameReceiver tcp = FrameReceiver.start();
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            udp.setSoTimeout(10_000);
            PlainJvm.Output output = run("""
                    app.handlers=org.loghandlers.handlers.SocketHandler, org.loghandlers.handlers.DatagramHandler
                    app.useParentHandlers=false
                    org.loghandlers.handlers.SocketHandler.host=127.0.0.1
                    org.loghandlers.handlers.SocketHandler.port=%d
                    org.loghandlers.handlers.SocketHandler.retryStart=0.5
                    org.loghandlers.handlers.SocketHandler.writeTimeout=PT2.5S
                    org.loghandlers.handlers.DatagramHandler.host=127.0.0.1
                    org.loghandlers.handlers.DatagramHandler.port=%d
                    org.loghandlers.handlers.DatagramHandler.format=json
                    """.formatted(tcp.port(), udp.getLocalPort()), "app", 2, 0);

            List<byte[]> frames = tcp.awaitFrames(f -> f.size() == 2);
            assertEquals(2, frames.size(), output.stderr());
            assertTrue(new String(frames.get(1), StandardCharsets.UTF_8).contains("record 01"));
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            udp.receive(packet);
            String json = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertTrue(json.startsWith("{") && json.contains("\"message\":\"record 00\""), json);
            List<String> handlers = output.stdoutLines().stream().filter(line -> line.startsWith("handler ")).toList();
            assertProperties(handlers.get(0), SocketHandler.class, "port=" + tcp.port(), "retryStart=500ms",
                    "writeTimeout=2500ms", "format=pickle");
            assertProperties(handlers.get(1), DatagramHandler.class, "port=" + udp.getLocalPort(), "format=json");
            assertEquals(List.of(), output.stderrLines());
        }
    }

    private static void assertProperties(String line, Class<?> type, String... properties) {
        List<String> words = List.of(line.split(" "));
        assertEquals(type.getName(), words.get(1), line);
        for (String property : properties) {
            assertTrue(words.contains(property), property + " in " + line);
        }
    }

    @Test
    void aOneLineSubclassReadsItsOwnClassNameSoTwoFilesAreConfiguredDifferently() throws Exception {
        String rotating = RotatingFileHandler.class.getName();
        String audit = AuditLog.class.getName();
        run("""
                app.handlers=%1$s
                app.useParentHandlers=false
                audit.handlers=%2$s
                audit.useParentHandlers=false
                %1$s.fileName=%3$s
                %1$s.formatter=org.loghandlers.format.PythonFormatter
                %2$s.fileName=%4$s
                %2$s.level=WARNING
                %2$s.formatter=org.loghandlers.format.JsonFormatter
                org.loghandlers.format.PythonFormatter.format=%5$s
                """.formatted(rotating, audit, log("app.log"), log("audit.log"), PYTHON_FORMAT), "app,audit", 4, 0);

        assertEquals(pythonLines("app", 0, 4), lines("app.log"));
        List<String> auditLines = lines("audit.log");
        assertEquals(2, auditLines.size(), auditLines.toString());
        assertTrue(auditLines.get(0).startsWith("{") && auditLines.get(0).contains("\"message\":\"record 01\""),
                auditLines.get(0));
    }

    @Test
    void aBadValueIsOneLineOnStandardErrorNamingKeyValueAndWhatIsAcceptedAndRecordsStillArrive() throws Exception {
        String handler = RotatingFileHandler.class.getName();
        PlainJvm.Output output = run(onePythonFormattedFile(handler, "app.log", """
                %1$s.maxBytes=lots
                """.formatted(handler)), "app", 30, 0);

        assertEquals(List.of("loghandlers: logging.properties: " + handler + ".maxBytes=lots: accepted: an integer"
                + " (64-bit), optionally with a size suffix k, m or g (multiples of 1024: 10m, 10MB, 1GiB);"
                + " keeping the default"), output.stderrLines());
        assertEquals(List.of("app.log"), logFileNames(), "maxBytes kept its default, 0: no rollover");
        assertEquals(pythonLines("app", 0, 30), lines("app.log"));
    }

    @Test
    void onlyTheNoArgumentConstructorReadsTheLogManagerAndLaterSettersWin() throws Exception {
        String handler = RotatingFileHandler.class.getName();
        LogManager manager = LogManager.getLogManager();
        manager.readConfiguration(new ByteArrayInputStream("""
                %1$s.maxBytes=10k
                %1$s.backupCount=7
                """.formatted(handler).getBytes(StandardCharsets.ISO_8859_1)));
        try {
            RotatingFileHandler configured = new RotatingFileHandler();
            RotatingFileHandler withArguments = new RotatingFileHandler(dir.resolve("direct.log").toString(), 1234, 3);
            try {
                assertEquals(10240, configured.getMaxBytes());
                assertEquals(7, configured.getBackupCount());
                configured.setMaxBytes(500);
                assertEquals(500, configured.getMaxBytes(), "a setter called later wins");
                assertEquals(1234, withArguments.getMaxBytes());
                assertEquals(3, withArguments.getBackupCount());
            } finally {
                configured.close();
                withArguments.close();
            }
        } finally {
            manager.readConfiguration();
        }
    }
}
