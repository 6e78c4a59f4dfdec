package org.loghandlers.wildfly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code bin/jboss-cli.sh} against the test server's management port, as a user would. */
final class JBossCli {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path jbossHome;
    private final String controller;
    private final Path scripts;
    private final AtomicInteger scriptNumber = new AtomicInteger();

    JBossCli(Path jbossHome, int managementPort, Path scripts) {
        this.jbossHome = jbossHome;
        this.controller = "127.0.0.1:" + managementPort;
        this.scripts = scripts;
    }

    /** Runs the commands as one script, stopping at the first that fails; returns the output or throws with it. */
    String run(String... commands) throws IOException, InterruptedException {
        CommandResult result = attempt(commands);
        if (result.exitCode() != 0) {
            throw new AssertionError("jboss-cli.sh exited with " + result.exitCode() + " running "
                    + List.of(commands) + ":\n" + result.output());
        }
        return result.output();
    }

    /** Runs the commands and returns what happened, failed or not. */
    CommandResult attempt(String... commands) throws IOException, InterruptedException {
        Files.createDirectories(scripts);
        Path script = scripts.resolve(String.format("%03d.cli", scriptNumber.incrementAndGet()));
        Files.write(script, List.of(commands), StandardCharsets.UTF_8);
        Path output = script.resolveSibling(script.getFileName() + ".out");
        Process cli = new ProcessBuilder(jbossHome.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=" + controller, "--timeout=10000", "--file=" + script)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!cli.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            cli.destroyForcibly().waitFor();
            throw new AssertionError("jboss-cli.sh did not finish within " + TIMEOUT + " running " + List.of(commands));
        }
        return new CommandResult(cli.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
