package org.loghandlers.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module as a user sets it up on the WildFly the build provisions: install.sh, the server started from its own
 * scripts, handlers and formatters added and removed with jboss-cli, and a WAR that knows nothing of loghandlers
 * logging through java.util.logging.
 */
class ServerWideHandlersIT {

    private static final Path JBOSS_HOME = Path.of(System.getProperty("jboss.home"));
    private static final Path WORK = Path.of(System.getProperty("test.work.dir"));
    private static final int PORT_OFFSET = Integer.getInteger("wildfly.port.offset");

    /** Values for options whose getter gives null on a fresh handler, or a value a CLI line cannot hold. */
    private static final Map<String, Function<Class<?>, String>> SAMPLE_VALUES = Map.ofEntries(
            Map.entry("fileName", type -> WORK.resolve("options/" + type.getSimpleName() + ".log").toString()),
            Map.entry("atTime", type -> "10:30"),
            Map.entry("target", type -> "CONSOLE"),
            Map.entry("terminator", type -> "|"),
            Map.entry("trustStore", type -> Path.of(System.getProperty("java.home"), "lib", "security", "cacerts")
                    .toString()),
            Map.entry("trustStorePassword", type -> "changeit"),
            Map.entry("credentials", type -> "user:sample-password"),
            Map.entry("fromaddr", type -> "app@example.com"),
            Map.entry("toaddrs", type -> "ops@example.com"),
            Map.entry("host", type -> "127.0.0.1:9"),
            Map.entry("url", type -> "/log"),
            Map.entry("appname", type -> "loghandlers-options"),
            Map.entry("dllname", type -> "EventLogMessages.dll"));

    private static TestServer server;
    private static LoggingApp app;

    @BeforeAll
    static void installTheModuleStartTheServerAndDeployTheApp() throws Exception {
        deleteRecursively(WORK);
        InstallScript.install(JBOSS_HOME);
        server = new TestServer(JBOSS_HOME, PORT_OFFSET, WORK.resolve("server"));
        server.start();
        app = LoggingApp.deploy(server.deployments(), server.httpPort());
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aCustomHandlerAddedWithTheCliReceivesEveryRecordAndRotates() throws Exception {
        String category = "org.acme.orders";
        Path logFile = WORK.resolve("rotating/orders.log");
        long maxBytes = 1000;
        int count = 100;
        server.cli().run(
                "/subsystem=logging/custom-handler=ORDERS:add(module=org.loghandlers,"
                        + " class=org.loghandlers.handlers.RotatingFileHandler,"
                        + " properties={fileName=\"" + logFile + "\", maxBytes=" + maxBytes + ", backupCount=10},"
                        + " formatter=\"%s%n\")",
                "/subsystem=logging/logger=" + category + ":add(level=INFO, handlers=[ORDERS],"
                        + " use-parent-handlers=false)");

        app.log(category, "orders", count);

        RotatedFiles files = new RotatedFiles(logFile);
        List<String> expected = IntStream.range(0, count).mapToObj(i -> LogServlet.message("orders", i)).toList();
        List<String> lines = files.lines();
        assertEquals(count, lines.size(), "records in " + logFile + " and its backups");
        assertEquals(expected, lines, "every record once, whole and in order, oldest backup first");
        assertTrue(Files.exists(files.backup(1)) && Files.exists(files.backup(2)), "rolled over at least twice");
        assertRolledOverAsPythonDoes(files.contents(), maxBytes, expected.get(0).length() + 1);
        assertTrue(new ServerLog(server.serverLog()).lines().stream()
                        .noneMatch(line -> expected.stream().anyMatch(line::endsWith)),
                "use-parent-handlers=false keeps the records out of server.log");

        Map<Path, String> beforeRemoval = files.contents();
        server.cli().run(
                "/subsystem=logging/logger=" + category + ":remove",
                "/subsystem=logging/custom-handler=ORDERS:remove");
        app.log(category, "removed", 10);

        assertEquals(beforeRemoval, files.contents(), "nothing reaches the files once the handler is removed");
        assertTrue(new ServerLog(server.serverLog()).lines().stream()
                        .anyMatch(l -> l.endsWith(LogServlet.message("removed", 9))),
                "the application did log: the records went on to the root logger's handlers");
        assertNoProblemsInServerLog();
    }

    @Test
    void aPythonFormatterFromTheModuleFormatsACustomHandlersRecords() throws Exception {
        String category = "org.acme.audit";
        Path logFile = WORK.resolve("formatted/audit.log");
        server.cli().run(
                "/subsystem=logging/custom-formatter=PYTHON:add(module=org.loghandlers,"
                        + " class=org.loghandlers.format.PythonFormatter,"
                        + " properties={format=\"%(levelname)s:%(name)s:%(message)s\"})",
                "/subsystem=logging/custom-handler=AUDIT:add(module=org.loghandlers,"
                        + " class=org.loghandlers.handlers.RotatingFileHandler,"
                        + " properties={fileName=\"" + logFile + "\", maxBytes=1048576, backupCount=1},"
                        + " named-formatter=PYTHON)",
                "/subsystem=logging/logger=" + category + ":add(level=INFO, handlers=[AUDIT],"
                        + " use-parent-handlers=false)");

        app.log(category, "audit", 5);

        List<String> expected = IntStream.range(0, 5)
                .mapToObj(i -> "INFO:org.acme.audit:" + LogServlet.message("audit", i)).toList();
        assertEquals(expected, new RotatedFiles(logFile).lines());

        server.cli().run(
                "/subsystem=logging/logger=" + category + ":remove",
                "/subsystem=logging/custom-handler=AUDIT:remove",
                "/subsystem=logging/custom-formatter=PYTHON:remove");
        app.log(category, "removed", 3);
        assertEquals(expected, new RotatedFiles(logFile).lines(), "nothing more once removed");
        assertNoProblemsInServerLog();
    }

    @Test
    void everyOptionOfAConvertibleTypeIsAcceptedAsACustomHandlerProperty() throws Exception {
        List<String> commands = new ArrayList<>();
        for (Class<? extends Handler> type : CustomHandlerProperties.handlerClasses()) {
            Handler fresh = type.getConstructor().newInstance();
            List<String> properties = new ArrayList<>();
            for (Map.Entry<String, List<Method>> option : CustomHandlerProperties.setters(type).entrySet()) {
                if (CustomHandlerProperties.wildFlyConverts(option.getValue().get(0).getParameterTypes()[0])) {
                    String value = SAMPLE_VALUES.containsKey(option.getKey())
                            ? SAMPLE_VALUES.get(option.getKey()).apply(type)
                            : CustomHandlerProperties.currentValue(fresh, option.getKey());
                    assertNotNull(value, "no value to try " + type.getSimpleName() + "." + option.getKey()
                            + " with: its getter gives null; add one to SAMPLE_VALUES");
                    properties.add(option.getKey() + "=\"" + value + "\"");
                }
            }
            fresh.close();
            String name = "OPTIONS-" + type.getSimpleName();
            commands.add("/subsystem=logging/custom-handler=" + name + ":add(module=org.loghandlers, class="
                    + type.getName() + ", properties={" + String.join(", ", properties) + "})");
            commands.add("/subsystem=logging/custom-handler=" + name + ":remove");
        }

        server.cli().run(commands.toArray(String[]::new));

        assertNoProblemsInServerLog();
    }

    /**
     * Python's rule: a record that would make the file reach {@code maxBytes} goes to a fresh file. So every file
     * stays below it, and every backup was full: one more line would have reached it.
     */
    private static void assertRolledOverAsPythonDoes(Map<Path, String> oldestFirst, long maxBytes, int lineBytes) {
        List<Path> paths = new ArrayList<>(oldestFirst.keySet());
        for (int i = 0; i < paths.size(); i++) {
            long size = oldestFirst.get(paths.get(i)).length();
            assertTrue(size < maxBytes, paths.get(i) + " has " + size + " bytes; maxBytes is " + maxBytes);
            if (i < paths.size() - 1) {
                assertTrue(size + lineBytes >= maxBytes, paths.get(i) + " was rolled over early, at " + size
                        + " bytes, with room for another " + lineBytes + "-byte line below " + maxBytes);
            }
        }
    }

    private static void assertNoProblemsInServerLog() throws IOException {
        List<String> problems = new ServerLog(server.serverLog()).problems();
        assertTrue(problems.isEmpty(), "server.log has errors:\n" + String.join("\n", problems));
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
