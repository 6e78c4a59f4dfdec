package org.loghandlers.wildfly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code wildfly-module/install.sh}, run as a user runs it. */
final class InstallScript {

    /** The script beside the build's target/module directory. */
    static final Path SCRIPT = Path.of(System.getProperty("install.script"));

    private InstallScript() {
    }

    /** Runs {@code script JBOSS_HOME} and returns its exit code and output. */
    static CommandResult run(Path script, Path jbossHome) throws IOException, InterruptedException {
        Path output = Files.createTempFile("install", ".out");
        try {
            Process process = new ProcessBuilder(script.toString(), jbossHome.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(script + " did not finish within 30 s");
            }
            return new CommandResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.delete(output);
        }
    }

    /** Runs the build's script against {@code jbossHome}, which must succeed. */
    static String install(Path jbossHome) throws IOException, InterruptedException {
        CommandResult result = run(SCRIPT, jbossHome);
        if (result.exitCode() != 0) {
            throw new AssertionError("install.sh " + jbossHome + " exited with " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    /** The module directory the build made, which the script copies. */
    static Path builtModule() {
        return SCRIPT.resolveSibling("target/module/org/loghandlers/main");
    }

}
