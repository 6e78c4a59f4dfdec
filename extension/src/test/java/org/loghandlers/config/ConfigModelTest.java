package org.loghandlers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.LogManager;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.handlers.RotatingFileHandler;
import org.loghandlers.handlers.SocketHandler;
import org.loghandlers.options.LevelOption;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class ConfigModelTest {

    @TempDir
    Path logs;

    private final List<ConfigProblem> problems = new ArrayList<>();

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    private LogHandlersConfig read(Map<String, String> properties) {
        return ConfigReader.read(config(properties), problems);
    }

    private List<String> problemsOf(Map<String, String> properties) {
        LogHandlersConfig config = read(properties);
        problems.addAll(ConfigValidator.validate(config, getClass().getClassLoader()).problems());
        return problems.stream().map(ConfigProblem::describe).toList();
    }

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void readsEachHandlerWithItsTypeAndOptionsAndQuotedLoggerNames() {
        LogHandlersConfig config = read(props(
                "loghandlers.handler.audit.type", "rotating-file",
                "loghandlers.handler.audit.max-bytes", "10485760",
                "loghandlers.handler.audit.loggers", "com.acme.audit, com.acme.billing",
                "loghandlers.logger.\"com.acme.audit\".level", "FINE",
                "unrelated.key", "x"));
        assertEquals(List.of(), problems);
        HandlerSpec audit = config.handler("audit").orElseThrow();
        assertEquals("rotating-file", audit.type());
        assertEquals(Map.of("max-bytes", "10485760", "loggers", "com.acme.audit, com.acme.billing"), audit.options());
        assertEquals(List.of("com.acme.audit", "com.acme.billing"), audit.loggers());
        assertEquals("com.acme.audit", config.loggers().get(0).name());
        assertEquals("FINE", config.loggers().get(0).options().get("level"));
    }

    @Test
    void aHigherOrdinalSourceSuchAsSystemPropertiesOverridesTheFile() {
        Config config = new SmallRyeConfigBuilder().withSources(
                new PropertiesConfigSource(props(
                        "loghandlers.handler.audit.type", "file",
                        "loghandlers.handler.audit.level", "INFO"), "microprofile-config.properties", 100),
                new PropertiesConfigSource(props(
                        "loghandlers.handler.audit.level", "SEVERE",
                        "loghandlers.handler.audit.delay", "true"), "system properties", 400))
                .build();
        HandlerSpec audit = ConfigReader.read(config, problems).handler("audit").orElseThrow();
        assertEquals(List.of(), problems);
        assertEquals(Map.of("level", "SEVERE", "delay", "true"), audit.options());
    }

    @Test
    void aServerWideLoggingPropertiesEntryForOurClassFillsInNothingThisConfigurationLeavesAtItsDefault()
            throws Exception {
        String handler = RotatingFileHandler.class.getName();
        LogManager manager = LogManager.getLogManager();
        manager.readConfiguration(new ByteArrayInputStream("""
                %1$s.fileName=%2$s
                %1$s.maxBytes=10k
                %1$s.backupCount=7
                %1$s.level=SEVERE
                """.formatted(handler, logs.resolve("server.log")).getBytes(StandardCharsets.ISO_8859_1)));
        try {
            String file = logs.resolve("app.log").toString();
            LogHandlersConfig config = read(props(
                    "loghandlers.handler.app.type", "rotating-file",
                    "loghandlers.handler.app.file-name", file));
            ConfigValidator.Result validation = ConfigValidator.validate(config, getClass().getClassLoader());
            HandlerAssembler.Result built = HandlerAssembler.build(config, validation.handlerClasses(),
                    getClass().getClassLoader());
            RotatingFileHandler app = assertInstanceOf(RotatingFileHandler.class, built.handlers().get("app"));
            try {
                assertEquals(file, app.getFileName());
                assertEquals(0, app.getMaxBytes());
                assertEquals(0, app.getBackupCount());
                assertEquals(Level.ALL, app.getLevel());
            } finally {
                app.close();
            }
            RotatingFileHandler serverWide = new RotatingFileHandler();
            try {
                assertEquals(10240, serverWide.getMaxBytes(), "outside our configuration the entry still applies");
            } finally {
                serverWide.close();
            }
        } finally {
            manager.readConfiguration();
        }
    }

    @Test
    void buildsARotatingFileHandlerWithEveryOptionApplied() {
        String file = logs.resolve("audit.log").toString();
        LogHandlersConfig config = read(props(
                "loghandlers.handler.audit.type", "rotating-file",
                "loghandlers.handler.audit.file-name", file,
                "loghandlers.handler.audit.max-bytes", "2048",
                "loghandlers.handler.audit.backup-count", "5",
                "loghandlers.handler.audit.delay", "true",
                "loghandlers.handler.audit.level", "WARN",
                "loghandlers.handler.audit.encoding", "ISO-8859-1"));
        ConfigValidator.Result validation = ConfigValidator.validate(config, getClass().getClassLoader());
        assertEquals(List.of(), validation.problems());
        HandlerAssembler.Result built = HandlerAssembler.build(config, validation.handlerClasses(),
                getClass().getClassLoader());
        assertEquals(List.of(), built.problems());
        RotatingFileHandler audit = assertInstanceOf(RotatingFileHandler.class, built.handlers().get("audit"));
        try {
            assertEquals(file, audit.getFileName());
            assertEquals(2048, audit.getMaxBytes());
            assertEquals(5, audit.getBackupCount());
            assertTrue(audit.isDelay());
            assertEquals(Level.WARNING, audit.getLevel());
            assertEquals("ISO-8859-1", audit.getEncoding());
        } finally {
            audit.close();
        }
    }

    @Test
    void readsSizesWithSuffixesAndTheConsoleStreamByName() {
        LogHandlersConfig config = read(props(
                "loghandlers.handler.big.type", "rotating-file",
                "loghandlers.handler.big.file-name", logs.resolve("big.log").toString(),
                "loghandlers.handler.big.max-bytes", "10 MB",
                "loghandlers.handler.small.type", "rotating-file",
                "loghandlers.handler.small.file-name", logs.resolve("small.log").toString(),
                "loghandlers.handler.small.max-bytes", "64k",
                "loghandlers.handler.console.type", "stream",
                "loghandlers.handler.console.stream", "stdout"));
        ConfigValidator.Result validation = ConfigValidator.validate(config, getClass().getClassLoader());
        assertEquals(List.of(), validation.problems());
        Map<String, Handler> handlers = HandlerAssembler.build(config, validation.handlerClasses(),
                getClass().getClassLoader()).handlers();
        try {
            assertEquals(10L * 1024 * 1024, ((RotatingFileHandler) handlers.get("big")).getMaxBytes());
            assertEquals(64L * 1024, ((RotatingFileHandler) handlers.get("small")).getMaxBytes());
            assertSame(System.out, ((org.loghandlers.handlers.StreamHandler) handlers.get("console")).getStream());
        } finally {
            handlers.values().forEach(Handler::close);
        }
    }

    @Test
    void recordsFromAcceptsDeploymentOrAllAndNamesBothWhenRefusingAValue() {
        assertEquals(List.of(), problemsOf(props(
                "loghandlers.handler.mine.type", "null",
                "loghandlers.handler.mine.records-from", "deployment",
                "loghandlers.handler.server.type", "null",
                "loghandlers.handler.server.records-from", "ALL")));
        List<String> found = problemsOf(props(
                "loghandlers.handler.odd.type", "null",
                "loghandlers.handler.odd.records-from", "everyone"));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("loghandlers.handler.odd.records-from=everyone")
                && found.get(0).contains("deployment") && found.get(0).contains("all"), found.toString());
    }

    @Test
    void refusesASizeOrAStreamItCannotReadSayingWhatIsAccepted() {
        List<String> found = problemsOf(props(
                "loghandlers.handler.big.type", "rotating-file",
                "loghandlers.handler.big.file-name", logs.resolve("big.log").toString(),
                "loghandlers.handler.big.max-bytes", "10 parsecs",
                "loghandlers.handler.console.type", "stream",
                "loghandlers.handler.console.stream", "printer"));
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.contains("loghandlers.handler.big.max-bytes=10 parsecs")
                && p.contains("size suffix")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.contains("loghandlers.handler.console.stream=printer")
                && p.contains("stdout or stderr")), found.toString());
    }

    @Test
    void buildsAUserClassAndResolvesItsTargetByName() {
        LogHandlersConfig config = read(props(
                "loghandlers.handler.front.class", RelayHandler.class.getName(),
                "loghandlers.handler.front.target", "back",
                "loghandlers.handler.front.capacity", "3",
                "loghandlers.handler.front.mode", "keep-last",
                "loghandlers.handler.back.class", RelayHandler.class.getName(),
                "loghandlers.handler.back.level", "DEBUG"));
        ConfigValidator.Result validation = ConfigValidator.validate(config, getClass().getClassLoader());
        assertEquals(List.of(), validation.problems());
        Map<String, Handler> handlers = HandlerAssembler.build(config, validation.handlerClasses(),
                getClass().getClassLoader()).handlers();
        RelayHandler front = (RelayHandler) handlers.get("front");
        assertSame(handlers.get("back"), front.getTarget());
        assertEquals(3, front.getCapacity());
        assertEquals(RelayHandler.Mode.KEEP_LAST, front.getMode());
        assertEquals(Level.FINE, handlers.get("back").getLevel());
        assertEquals(List.of("back", "front"), List.copyOf(handlers.keySet()));
    }

    @Test
    void reportsEveryProblemAtOnceWithKeyValueAndWhatIsAccepted() {
        List<String> found = problemsOf(props(
                "loghandlers.handler.audit.type", "rotating-fil",
                "loghandlers.handler.main.type", "file",
                "loghandlers.handler.main.max-byts", "10",
                "loghandlers.handler.main.level", "LOUD",
                "loghandlers.handler.main.delay", "maybe",
                "loghandlers.handlers.x.type", "file"));
        assertEquals(5, found.size(), String.join("\n", found));
        assertTrue(found.contains("loghandlers.handlers.x.type=file: unknown key; keys under loghandlers. start with"
                + " loghandlers.handler., loghandlers.logger. or loghandlers.receiver.; did you mean"
                + " loghandlers.handler.x.type?"), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.handler.audit.type=rotating-fil: unknown"
                + " handler type; accepted: stream, file, null,") && p.endsWith("did you mean rotating-file?")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.handler.main.max-byts=10: unknown option"
                + " for type file; accepted: ")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.handler.main.level=LOUD: unknown level;")),
                found::toString);
        assertTrue(found.contains("loghandlers.handler.main.delay=maybe: accepted: true or false"), found::toString);
    }

    @Test
    void suggestsTheClosestOptionOfTheHandlersOwnType() {
        List<String> found = problemsOf(props(
                "loghandlers.handler.audit.type", "rotating-file",
                "loghandlers.handler.audit.backup-cout", "3"));
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).endsWith("did you mean backup-count?"), found::toString);
    }

    @Test
    void reportsUnknownTargetNamesAndCycles() {
        List<String> found = problemsOf(props(
                "loghandlers.handler.a.class", RelayHandler.class.getName(),
                "loghandlers.handler.a.target", "b",
                "loghandlers.handler.b.class", RelayHandler.class.getName(),
                "loghandlers.handler.b.target", "a",
                "loghandlers.handler.c.class", RelayHandler.class.getName(),
                "loghandlers.handler.c.target", "audti",
                "loghandlers.handler.audit.type", "null"));
        assertTrue(found.contains("loghandlers.handler.c.target=audti: no handler named audti is declared; declared:"
                + " a, audit, b, c; did you mean audit?"), found::toString);
        assertEquals(1, found.stream().filter(p -> p.contains("cycle: a -> b -> a")).count(), found::toString);
        assertEquals(2, found.size(), found::toString);
    }

    @Test
    void reportsAMissingTypeAndAClassThatIsNotAHandler() {
        List<String> found = problemsOf(props(
                "loghandlers.handler.a.level", "INFO",
                "loghandlers.handler.b.class", "java.lang.String",
                "loghandlers.handler.c.class", "com.acme.Missing"));
        assertEquals(3, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("loghandlers.handler.a.type (not set): every handler needs a type"),
                found::toString);
        assertTrue(found.contains("loghandlers.handler.b.class=java.lang.String: not a concrete java.util.logging.Handler"),
                found::toString);
        assertTrue(found.get(2).startsWith("loghandlers.handler.c.class=com.acme.Missing: class not found"),
                found::toString);
    }

    @Test
    void aSetterThatRefusesAValueBecomesAProblemAndNothingStaysOpen() {
        LogHandlersConfig config = read(props(
                "loghandlers.handler.audit.type", "rotating-file",
                "loghandlers.handler.audit.file-name", logs.resolve("a.log").toString(),
                "loghandlers.handler.audit.max-bytes", "-1",
                "loghandlers.handler.relay.class", RelayHandler.class.getName(),
                "loghandlers.handler.relay.capacity", "0"));
        ConfigValidator.Result validation = ConfigValidator.validate(config, getClass().getClassLoader());
        assertEquals(List.of(), validation.problems());
        HandlerAssembler.Result built = HandlerAssembler.build(config, validation.handlerClasses(),
                getClass().getClassLoader());
        List<String> found = built.problems().stream().map(ConfigProblem::describe).toList();
        assertEquals(List.of(
                "loghandlers.handler.audit.max-bytes=-1: refused by RotatingFileHandler.setMaxBytes: maxBytes: -1 is"
                        + " negative; expected 0 (never roll over) or a positive number of bytes",
                "loghandlers.handler.relay.capacity=0: refused by RelayHandler.setCapacity: capacity: 0 is below 1"),
                found);
        assertTrue(built.handlers().isEmpty());
    }

    @Test
    void formatAndDateFormatGiveThePythonStyleLineAndJsonGivesOneObject() {
        LogHandlersConfig config = read(props(
                "loghandlers.handler.text.type", "null",
                "loghandlers.handler.text.format", "%(asctime)s %(levelname)s %(name)s: %(message)s",
                "loghandlers.handler.text.date-format", "%Y",
                "loghandlers.handler.json.type", "null",
                "loghandlers.handler.json.formatter", "json"));
        ConfigValidator.Result validation = ConfigValidator.validate(config, getClass().getClassLoader());
        assertEquals(List.of(), validation.problems());
        Map<String, Handler> handlers = HandlerAssembler.build(config, validation.handlerClasses(),
                getClass().getClassLoader()).handlers();
        java.util.logging.LogRecord record = new java.util.logging.LogRecord(Level.WARNING, "disk at 91%");
        record.setLoggerName("com.acme.disk");
        String year = String.valueOf(java.time.Year.now().getValue());
        assertEquals(year + " WARNING com.acme.disk: disk at 91%",
                handlers.get("text").getFormatter().format(record).strip());
        String json = handlers.get("json").getFormatter().format(record);
        assertTrue(json.startsWith("{") && json.contains("\"com.acme.disk\""), json);
    }

    @Test
    void aHandlersOwnFormatSetterTakesTheFormatKeyInsteadOfTheFormatter() {
        LogHandlersConfig good = read(props(
                "loghandlers.handler.ship.type", "socket",
                "loghandlers.handler.ship.format", "json",
                "loghandlers.handler.ship.port", "5170"));
        ConfigValidator.Result validation = ConfigValidator.validate(good, getClass().getClassLoader());
        assertEquals(List.of(), validation.problems());
        HandlerAssembler.Result built = HandlerAssembler.build(good, validation.handlerClasses(),
                getClass().getClassLoader());
        SocketHandler ship = assertInstanceOf(SocketHandler.class, built.handlers().get("ship"));
        try {
            assertEquals("json", ship.getFormat());
            assertEquals(5170, ship.getPort());
            assertEquals(null, ship.getFormatter(), "json is the record format, not a Python format string");
        } finally {
            ship.close();
        }

        LogHandlersConfig bad = read(props(
                "loghandlers.handler.bad.type", "socket",
                "loghandlers.handler.bad.format", "xml",
                "loghandlers.handler.bad.port", "70000"));
        validation = ConfigValidator.validate(bad, getClass().getClassLoader());
        assertEquals(List.of(), validation.problems());
        built = HandlerAssembler.build(bad, validation.handlerClasses(), getClass().getClassLoader());
        assertEquals(List.of(
                "loghandlers.handler.bad.format=xml: refused by SocketHandler.setFormat: format: 'xml' is not a record"
                        + " format; expected pickle (Python's SocketHandler frame, the default) or json (one JSON"
                        + " object per line)",
                "loghandlers.handler.bad.port=70000: refused by SocketHandler.setPort: port: 70000 is out of range;"
                        + " expected 1 to 65535, or 0 for a Unix socket whose path is host"),
                built.problems().stream().map(ConfigProblem::describe).sorted().toList());
    }

    @Test
    void formatAndFormatterTogetherAndADateFormatWithoutUseAreProblems() {
        List<String> found = problemsOf(props(
                "loghandlers.handler.a.type", "null",
                "loghandlers.handler.a.format", "%(message)s",
                "loghandlers.handler.a.formatter", "json",
                "loghandlers.handler.b.type", "null",
                "loghandlers.handler.b.date-format", "%Y",
                "loghandlers.handler.c.type", "null",
                "loghandlers.handler.c.formatter", "json",
                "loghandlers.handler.c.date-format", "%Y"));
        assertEquals(List.of(
                "loghandlers.handler.a.formatter=json: set either format (a Python format string) or formatter,"
                        + " not both",
                "loghandlers.handler.b.date-format=%Y: date-format applies to the formatter set by format or"
                        + " formatter, and neither is set",
                "loghandlers.handler.c.date-format=%Y: does not apply to org.loghandlers.format.JsonFormatter,"
                        + " which has no setDateFormat(String)"), found);
    }

    @Test
    void aHandlerWithItsOwnFormatOptionTakesTheKeyAndOthersKeepThePythonFormatString() {
        LogHandlersConfig config = read(props(
                "loghandlers.handler.ship.type", "http",
                "loghandlers.handler.ship.host", "127.0.0.1:9022",
                "loghandlers.handler.ship.url", "/log",
                "loghandlers.handler.ship.format", "json",
                "loghandlers.handler.ship.formatter", "json",
                "loghandlers.handler.text.type", "null",
                "loghandlers.handler.text.format", "json"));
        ConfigValidator.Result validation = ConfigValidator.validate(config, getClass().getClassLoader());
        assertEquals(List.of(), validation.problems());
        Map<String, Handler> handlers = HandlerAssembler.build(config, validation.handlerClasses(),
                getClass().getClassLoader()).handlers();
        org.loghandlers.handlers.HttpHandler ship = (org.loghandlers.handlers.HttpHandler) handlers.get("ship");
        assertEquals("json", ship.getFormat());
        assertTrue(ship.getFormatter() instanceof org.loghandlers.format.JsonFormatter);
        assertEquals("json", handlers.get("text").getFormatter()
                .format(new java.util.logging.LogRecord(Level.INFO, "x")).strip(), "a Python format string");
        HandlerAssembler.closeAll(handlers);
    }

    @Test
    void readsLevelsInJavaJbossAndPythonNames() {
        assertEquals(Level.SEVERE, LevelOption.parse("error"));
        assertEquals(Level.WARNING, LevelOption.parse("WARN"));
        assertEquals(Level.FINE, LevelOption.parse("DEBUG"));
        assertEquals(Level.FINER, LevelOption.parse("trace"));
        assertEquals(1100, LevelOption.parse("CRITICAL").intValue());
        assertEquals(Level.ALL, LevelOption.parse("NOTSET"));
        assertEquals(Level.CONFIG, LevelOption.parse("700"));
    }

    @Test
    void namesOptionsInKebabCase() {
        assertEquals("max-bytes", HandlerOptions.kebabCase("MaxBytes"));
        assertEquals("http-method", HandlerOptions.kebabCase("HTTPMethod"));
        assertEquals("file-name", HandlerOptions.kebabCase("FileName"));
        assertTrue(HandlerOptions.of(RotatingFileHandler.class).keySet().containsAll(
                List.of("file-name", "max-bytes", "backup-count", "mode", "delay", "terminator")));
    }
}
