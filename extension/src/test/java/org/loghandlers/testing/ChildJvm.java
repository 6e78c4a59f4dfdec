package org.loghandlers.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running JVM with this test's class path, started on a main class of the test sources, its output in files
 * under a folder of the test's: for programs a test starts, waits for, stops (SIGTERM) or kills (SIGKILL).
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code mainClass} with {@code jvmOptions} and {@code arguments}; output goes to {@code <dir>/<name>.out/.err}. */
    public static ChildJvm start(Path dir, String name, List<String> jvmOptions, Class<?> mainClass,
            String... arguments) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(arguments));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.to(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.to(err.toFile())).start();
        return new ChildJvm(name, process, out, err);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until the program printed a line starting with {@code prefix}; fails if it exits first or times out. */
    public String awaitLine(String prefix, long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before printing '" + prefix
                        + "'; " + output());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not print '" + prefix + "' within " + timeoutSeconds + " s; "
                + output());
    }

    /** Waits for the program to exit by itself and returns its status. */
    public int awaitExit(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(name + " did not exit within " + timeoutSeconds + " s; " + output());
        }
        return process.exitValue();
    }

    /** SIGTERM, and waits for the exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGKILL, and waits for the exit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** What it printed so far, for failure messages. */
    public String output() {
        try {
            return "stdout: " + Files.readString(stdout, StandardCharsets.UTF_8) + " stderr: "
                    + tail(Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
