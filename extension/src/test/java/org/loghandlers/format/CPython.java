package org.loghandlers.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds CPython 3.13 (or a python3 of at least 3.11) and runs scripts with it, for tests that compare output. */
final class CPython {

    private final String executable;

    private CPython(String executable) {
        this.executable = executable;
    }

    /** The interpreter to compare with, or empty when this machine has none recent enough. */
    static Optional<CPython> find() {
        List<String> candidates = new ArrayList<>();
        String pyenvRoot = System.getenv("PYENV_ROOT");
        if (pyenvRoot != null) {
            candidates.add(pyenvRoot + "/versions/3.13.0/bin/python3.13");
        }
        candidates.add(System.getProperty("user.home") + "/.pyenv/versions/3.13.0/bin/python3.13");
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(new CPython(candidate));
            }
        }
        CPython python3 = new CPython("python3");
        try {
            String answer = python3.run("import sys; print(sys.version_info >= (3, 11))", "", Map.of()).strip();
            return answer.equals("True") ? Optional.of(python3) : Optional.empty();
        } catch (IOException | RuntimeException missing) {
            return Optional.empty();
        }
    }

    String executable() {
        return executable;
    }

    /** Runs {@code script} with {@code input} on stdin and returns stdout; fails on a non-zero exit. */
    String run(String script, String input, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(executable, "-c", script);
        builder.environment().putAll(environment);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.redirectError(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output;
        String errors;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            errors = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(executable + " did not finish within 60 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + executable, interrupted);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(executable + " exited with " + process.exitValue() + ": " + errors);
        }
        return output;
    }
}
