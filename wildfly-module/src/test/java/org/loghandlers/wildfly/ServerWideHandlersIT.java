package org.loghandlers.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loghandlers.receivers.ReceivedRecord;
import org.loghandlers.receivers.SocketReceiver;
import org.loghandlers.testing.KafkaBroker;
import org.loghandlers.testing.TopicReader;

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
        KafkaClientsModule.install(JBOSS_HOME, Path.of(System.getProperty("kafka.clients.jars")));
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

    @Test
    void aCustomHttpHandlerPostsTheServersRecordsAsPythonsFormToAWebServerInTheTest() throws Exception {
        List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/ingest", exchange -> {
            try (exchange) {
                forms.add(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        web.start();
        String category = "org.acme.shipped";
        try {
            server.cli().run(
                    "/subsystem=logging/custom-handler=SHIP:add(module=org.loghandlers,"
                            + " class=org.loghandlers.handlers.HttpHandler,"
                            + " properties={host=\"127.0.0.1:" + web.getAddress().getPort() + "\", url=\"/ingest\","
                            + " method=POST})",
                    "/subsystem=logging/logger=" + category + ":add(level=INFO, handlers=[SHIP],"
                            + " use-parent-handlers=false)");

            app.log(category, "shipped", 3);

            await(() -> forms.size() >= 3, "3 requests", forms::toString);
            for (int i = 0; i < 3; i++) {
                assertEquals(category, forms.get(i).get("name"));
                assertEquals(LogServlet.message("shipped", i), forms.get(i).get("msg"));
                assertEquals("INFO", forms.get(i).get("levelname"));
                assertEquals("doGet", forms.get(i).get("funcName"));
                assertTrue(forms.get(i).get("threadName").startsWith("default task-"), forms.get(i)::toString);
            }
            server.cli().run(
                    "/subsystem=logging/logger=" + category + ":remove",
                    "/subsystem=logging/custom-handler=SHIP:remove");
        } finally {
            web.stop(0);
        }
        assertNoProblemsInServerLog();
    }

    @Test
    void aCustomSocketHandlerSendsPythonsFramesToASocketReceiverInTheTest() throws Exception {
        List<LogRecord> received = new CopyOnWriteArrayList<>();
        SocketReceiver receiver = new SocketReceiver("127.0.0.1", 0);
        receiver.setHandlers(new Handler() {
            @Override
            public void publish(LogRecord record) {
                received.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        receiver.start();
        String category = "org.acme.framed";
        try {
            server.cli().run(
                    "/subsystem=logging/custom-handler=FRAMES:add(module=org.loghandlers,"
                            + " class=org.loghandlers.handlers.SocketHandler,"
                            + " properties={host=\"127.0.0.1\", port=" + receiver.getLocalPort() + "})",
                    "/subsystem=logging/logger=" + category + ":add(level=INFO, handlers=[FRAMES],"
                            + " use-parent-handlers=false)");

            app.log(category, "framed", 3);

            await(() -> received.size() >= 3, "3 records", received::toString);
            for (int i = 0; i < 3; i++) {
                ReceivedRecord record = (ReceivedRecord) received.get(i);
                assertEquals(category, record.getLoggerName());
                assertEquals(LogServlet.message("framed", i), record.getMessage());
                assertTrue(record.getThreadName().startsWith("default task-"), record::getThreadName);
                assertEquals(server.pid(), record.getProcess());
            }
            server.cli().run(
                    "/subsystem=logging/logger=" + category + ":remove",
                    "/subsystem=logging/custom-handler=FRAMES:remove");
        } finally {
            receiver.stop();
        }
        assertNoProblemsInServerLog();
    }

    /** The server has the mail subsystem (layer {@code mail}), whose Jakarta Mail the module's optional dependency takes. */
    @Test
    void aCustomSmtpHandlerMailsThroughTheServersJakartaMail() throws Exception {
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        smtp.setServerStartupTimeout(20_000);
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        String category = "org.acme.alerts";
        try {
            server.cli().run(
                    "/subsystem=logging/custom-handler=MAIL:add(module=org.loghandlers,"
                            + " class=org.loghandlers.handlers.SmtpHandler,"
                            + " properties={mailhost=\"127.0.0.1:" + mail.getSmtp().getPort() + "\","
                            + " fromaddr=\"wildfly@x.test\", toaddrs=\"ops@y.test\", subject=\"server-wide\"},"
                            + " formatter=\"%s%n\")",
                    "/subsystem=logging/logger=" + category + ":add(level=INFO, handlers=[MAIL],"
                            + " use-parent-handlers=false)");

            app.log(category, "mailed", 1);

            assertTrue(mail.waitForIncomingEmail(20_000, 1), "no mail in 20 s");
            MimeMessage received = mail.getReceivedMessages()[0];
            assertEquals("server-wide", received.getSubject());
            assertTrue(String.valueOf(received.getContent()).contains(LogServlet.message("mailed", 0)),
                    () -> String.valueOf(received));
            server.cli().run(
                    "/subsystem=logging/logger=" + category + ":remove",
                    "/subsystem=logging/custom-handler=MAIL:remove");
        } finally {
            mail.stop();
        }
        assertNoProblemsInServerLog();
    }

    /**
     * With the org.apache.kafka.clients module installed as docs/wildfly.adoc shows, a KafkaHandler custom-handler
     * behind the async-handler the page recommends sends the server's records to a real broker.
     */
    @Test
    void aCustomKafkaHandlerSendsTheServersRecordsToABrokerInTheTest() throws Exception {
        try (KafkaBroker broker = KafkaBroker.startNew(WORK.resolve("kafka"))) {
            String topic = "server-wide";
            broker.createTopic(topic, 1);
            String category = "org.acme.central";
            int count = 50;
            server.cli().run(
                    "/subsystem=logging/custom-handler=CENTRAL:add(module=org.loghandlers,"
                            + " class=org.loghandlers.handlers.KafkaHandler,"
                            + " properties={bootstrapServers=\"" + broker.bootstrapServers() + "\", topic=\"" + topic
                            + "\", kafkaProperties=\"linger.ms=50\"})",
                    "/subsystem=logging/async-handler=CENTRAL_ASYNC:add(queue-length=8192,"
                            + " overflow-action=BLOCK, subhandlers=[CENTRAL])",
                    "/subsystem=logging/logger=" + category + ":add(level=INFO, handlers=[CENTRAL_ASYNC],"
                            + " use-parent-handlers=false)");
            try {
                app.log(category, "central", count);

                List<TopicReader.Message> messages = TopicReader.read(broker, topic, count, Duration.ofSeconds(60));
                assertEquals(count, messages.size(), () -> "records in " + topic + ": " + messages);
                for (int i = 0; i < count; i++) {
                    String json = messages.get(i).text();
                    assertTrue(json.contains("\"logger\":\"" + category + "\""), json);
                    assertTrue(json.contains("\"message\":\"" + LogServlet.message("central", i) + "\""),
                            "record " + i + " in order: " + json);
                    assertTrue(json.contains("\"thread\":\"default task-"), "logged on a request thread: " + json);
                }
            } finally {
                server.cli().run(
                        "/subsystem=logging/logger=" + category + ":remove",
                        "/subsystem=logging/async-handler=CENTRAL_ASYNC:remove",
                        "/subsystem=logging/custom-handler=CENTRAL:remove");
            }
        }
        List<String> missing = new ServerLog(server.serverLog()).lines().stream()
                .filter(line -> line.contains("kafka-clients")).toList();
        assertTrue(missing.isEmpty(), "the handler found the client module: " + missing);
        assertNoProblemsInServerLog();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static void await(Supplier<Boolean> done, String what, Supplier<String> got) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " in 20 s; got: " + got.get());
            }
            Thread.sleep(20);
        }
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
