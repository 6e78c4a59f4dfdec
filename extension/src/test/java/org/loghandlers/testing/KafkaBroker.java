package org.loghandlers.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one JVM) in a child JVM on loopback, from the
 * Maven Central jars whose class path the {@code kafka-broker} module writes ({@code dependency:build-classpath}),
 * so the broker's Scala, Jackson and Log4j never share the test's class path.
 *
 * <p>{@link #stop()} is a clean shutdown (SIGTERM), {@link #kill()} a crash (SIGKILL); {@link #start()} after either
 * brings the same broker back on the same ports and log directory, with its topics and data. Without the class path
 * file (the {@code kafka-broker} module has not run) the calling test is skipped, or fails when peers are required
 * ({@link Peers}).
 */
public final class KafkaBroker implements AutoCloseable {

    /** The system property naming the class path file; the poms set it (not under loghandlers., see {@link Peers}). */
    public static final String CLASSPATH_PROPERTY = "tests.kafka-broker-classpath";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final String classPath;
    private final String clusterId = Uuid.randomUuid().toString();
    private int brokerPort;
    private int controllerPort;
    private Process process;

    private KafkaBroker(Path dir, String classPath) {
        this.dir = dir;
        this.classPath = classPath;
    }

    /** Formats a new broker under {@code dir} (created) and starts it on free loopback ports. */
    public static KafkaBroker startNew(Path dir) throws IOException, InterruptedException {
        KafkaBroker broker = new KafkaBroker(Files.createDirectories(dir.toAbsolutePath()), classPath());
        deleteTree(broker.dir.resolve("data"));
        Files.deleteIfExists(broker.dir.resolve("broker.log"));
        for (int attempt = 1; ; attempt++) {
            broker.choosePorts();
            broker.writeProperties();
            try {
                broker.format();
                broker.launchAndAwait();
                return broker;
            } catch (BindFailed e) {
                // A port chosen free was taken before the broker bound it: choose again, once.
                if (attempt == 2) {
                    throw new IllegalStateException("the broker could not bind its ports twice; log: " + broker.logTail());
                }
                deleteTree(broker.dir.resolve("data"));
            }
        }
    }

    /** The class path of the broker; skips (or fails, when peers are required) when the module has not run. */
    public static String classPath() throws IOException {
        String file = System.getProperty(CLASSPATH_PROPERTY);
        Peers.assume(file != null && Files.isRegularFile(Path.of(file)), "no Kafka broker class path at " + file
                + ": run ./mvnw -B -ntp -q -pl kafka-broker generate-resources (the full build does it first)");
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again) on its ports and log directory; returns when it answers an Admin client. */
    public synchronized void start() throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException("the broker is running");
        }
        try {
            launchAndAwait();
        } catch (BindFailed e) {
            // The ports are released with the old process's exit; give the kernel a moment, then retry once.
            Thread.sleep(1_000);
            launchAndAwait();
        }
    }

    private void launchAndAwait() throws IOException, InterruptedException {
        process = launch(List.of("-Xmx512m", "-XX:+UseSerialGC"), "kafka.Kafka", serverProperties().toString());
        awaitReady();
    }

    /** A clean shutdown (SIGTERM); waits for the JVM to exit. */
    public synchronized void stop() throws InterruptedException {
        end(false);
    }

    /** A crash (SIGKILL); waits for the JVM to exit. */
    public synchronized void kill() throws InterruptedException {
        end(true);
    }

    /** Creates {@code topic} with {@code partitions} partitions (replication factor 1). */
    public void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException,
            TimeoutException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** An Admin client of this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    /** What the broker printed, all runs together. */
    public String log() {
        try {
            Path log = dir.resolve("broker.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The last lines the broker printed, without its configuration dumps: for failure messages. */
    public String logTail() {
        List<String> lines = log().lines().filter(line -> !line.startsWith("\t")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Stops the broker if it runs. */
    @Override
    public void close() throws InterruptedException {
        stop();
    }

    // ---- internals

    private void end(boolean crash) throws InterruptedException {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        if (crash) {
            running.destroyForcibly();
        } else {
            running.destroy();
        }
        if (!running.waitFor(30, TimeUnit.SECONDS)) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void choosePorts() throws IOException {
        try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket controller = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            brokerPort = broker.getLocalPort();
            controllerPort = controller.getLocalPort();
        }
    }

    private Path serverProperties() {
        return dir.resolve("server.properties");
    }

    private void writeProperties() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:"
                + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", dir.resolve("data").toString());
        properties.setProperty("num.partitions", "1");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        try (var out = Files.newBufferedWriter(serverProperties(), StandardCharsets.UTF_8)) {
            properties.store(out, "a single-node KRaft broker for tests, on loopback");
        }
    }

    private void format() throws IOException, InterruptedException {
        Process formatting = launch(List.of("-Xmx256m"), "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                serverProperties().toString());
        if (!formatting.waitFor(60, TimeUnit.SECONDS)) {
            formatting.destroyForcibly();
            throw new IllegalStateException("formatting the broker's storage did not finish; log: " + logTail());
        }
        if (formatting.exitValue() != 0) {
            throw new IllegalStateException("formatting the broker's storage failed; log: " + logTail());
        }
    }

    private Process launch(List<String> jvmOptions, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(arguments));
        Path log = dir.resolve("broker.log");
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        int logLength = log().length();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    String output = log().substring(Math.min(logLength, log().length()));
                    if (output.contains("Address already in use") || output.contains("BindException")) {
                        throw new BindFailed();
                    }
                    throw new IllegalStateException("the broker exited with " + process.exitValue() + ": "
                            + logTail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    Thread.sleep(200);
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the broker did not answer within " + READY_TIMEOUT.toSeconds() + " s; log: "
                + logTail());
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The broker could not bind a port. */
    private static final class BindFailed extends RuntimeException {
    }
}
