package org.loghandlers.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A CPython script running beside the test as a peer (a receiver our handlers send to): the test reads its output
 * line by line while it runs, for instance the port it listens on, then waits for it to finish. Skips the test when
 * there is no CPython, as {@link Python} does.
 */
public final class PythonPeer implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final Thread reader;

    private PythonPeer(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "python-peer-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code script} with {@code args} in {@code workDir}, Python's stderr merged into its output. */
    public static PythonPeer start(String script, Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Python.interpreter(), "-u", "-c", script));
        command.addAll(List.of(args));
        return new PythonPeer(new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (all) {
                    all.add(line);
                }
                lines.add(line);
            }
        } catch (IOException ended) {
            // The process is gone.
        }
    }

    /** The next line that starts with {@code prefix}, without it; fails after ten seconds with what was read. */
    public String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new AssertionError("python printed no line starting with '" + prefix + "'; its output: " + output());
    }

    /** Waits up to a minute for the script to end; its whole output. Fails if it did not end or ended in error. */
    public List<String> finish() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python did not finish; its output: " + output());
        }
        reader.join(5_000);
        if (process.exitValue() != 0) {
            throw new AssertionError("python failed (" + process.exitValue() + "): " + output());
        }
        return output();
    }

    private List<String> output() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
