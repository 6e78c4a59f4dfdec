package org.loghandlers.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LoggingProgram} in a new JVM with this test's class path and the given system properties, as a user
 * runs a plain Java program with {@code -Djava.util.logging.config.file=...}. Bounded in time: a JVM still running
 * after {@value #TIMEOUT_SECONDS} seconds is destroyed and the test fails.
 */
public final class PlainJvm {

    private static final long TIMEOUT_SECONDS = 60;

    /** What the program printed. */
    public record Output(String stdout, String stderr) {

        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    private PlainJvm() {
    }

    /**
     * Runs the program in {@code workDir} with {@code -D} options ({@code "name=value"}) and the program's
     * arguments; fails unless it exits with 0.
     */
    public static Output run(Path workDir, List<String> systemProperties, String... programArguments)
            throws IOException, InterruptedException {
        return run(workDir, List.of(), systemProperties, programArguments);
    }

    /** {@link #run(Path, List, String...)} with JVM options ({@code -Xbootclasspath/a:...}) before the others. */
    public static Output run(Path workDir, List<String> jvmOptions, List<String> systemProperties,
            String... programArguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        for (String property : systemProperties) {
            command.add("-D" + property);
        }
        command.add(LoggingProgram.class.getName());
        command.addAll(List.of(programArguments));
        Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
        Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("the JVM did not exit within " + TIMEOUT_SECONDS + " s; stderr: " + read(stderr));
        }
        Output output = new Output(read(stdout), read(stderr));
        Files.delete(stdout);
        Files.delete(stderr);
        assertEquals(0, process.exitValue(), "exit status; stderr: " + output.stderr());
        return output;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
