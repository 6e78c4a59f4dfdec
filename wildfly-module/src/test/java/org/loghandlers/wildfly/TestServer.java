package org.loghandlers.wildfly;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The WildFly that the build provisions, started with {@code bin/standalone.sh} in the background on loopback with a
 * port offset, and stopped by the pid it writes to {@code JBOSS_PIDFILE}.
 */
final class TestServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path jbossHome;
    private final int portOffset;
    private final Path workDir;
    private final JBossCli cli;
    private Process launcher;

    TestServer(Path jbossHome, int portOffset, Path workDir) {
        this.jbossHome = jbossHome;
        this.portOffset = portOffset;
        this.workDir = workDir;
        this.cli = new JBossCli(jbossHome, managementPort(), workDir.resolve("cli"));
    }

    int httpPort() {
        return 8080 + portOffset;
    }

    int managementPort() {
        return 9990 + portOffset;
    }

    JBossCli cli() {
        return cli;
    }

    Path serverLog() {
        return jbossHome.resolve("standalone/log/server.log");
    }

    Path deployments() {
        return jbossHome.resolve("standalone/deployments");
    }

    /** Starts the server and returns once its state is {@code running}. */
    void start() throws IOException, InterruptedException {
        for (int port : List.of(httpPort(), managementPort())) {
            if (listening(port)) {
                throw new IllegalStateException("port " + port + " on 127.0.0.1 is already in use (a server left"
                        + " running by an earlier run?); the test will not talk to a server it did not start");
            }
        }
        Files.createDirectories(workDir);
        Files.deleteIfExists(pidFile());
        ProcessBuilder builder = new ProcessBuilder(jbossHome.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.bind.address.private=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("console.log").toFile());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JBOSS_PIDFILE", pidFile().toString());
        builder.environment().put("JBOSS_JAVA_SIZING", "-Xms64m -Xmx512m");
        builder.environment().remove("JAVA_OPTS");
        launcher = builder.start();
        awaitRunning();
    }

    private void awaitRunning() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        String lastAnswer = "(no answer yet)";
        while (Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("standalone.sh exited with " + launcher.exitValue()
                        + " before the server was running; see " + workDir.resolve("console.log"));
            }
            if (listening(managementPort())) {
                CommandResult state = cli.attempt(":read-attribute(name=server-state)");
                if (state.exitCode() == 0 && state.output().contains("\"running\"")) {
                    return;
                }
                lastAnswer = state.output();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server was not running within " + START_TIMEOUT + "; last answer: "
                + lastAnswer + "; see " + serverLog());
    }

    /** The server JVM's process id, from the pid file it wrote at start. */
    long pid() throws IOException {
        return Long.parseLong(Files.readString(pidFile(), StandardCharsets.US_ASCII).trim());
    }

    private Path pidFile() {
        return workDir.resolve("wildfly.pid");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server's JVM by its pid and waits for it, then for the launcher script. */
    @Override
    public void close() throws IOException, InterruptedException {
        Optional<ProcessHandle> server = Files.exists(pidFile())
                ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile(), StandardCharsets.US_ASCII).trim()))
                : Optional.empty();
        if (server.isEmpty() && launcher != null) {
            // The pid file is written once java runs; before that the server is the launcher's child, if any.
            server = launcher.toHandle().descendants().findFirst();
        }
        server.ifPresent(ProcessHandle::destroy);
        if (server.isPresent() && !awaitExit(server.get())) {
            server.get().destroyForcibly();
            awaitExit(server.get());
        }
        if (launcher != null) {
            if (!launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                launcher.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
