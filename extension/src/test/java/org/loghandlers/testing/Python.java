package org.loghandlers.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs CPython as the reference implementation: 3.13 under pyenv first, else a {@code python3} of 3.11 or later.
 * A test that needs it is skipped with a message when none is found (fails instead when {@link Peers#required()}).
 */
public final class Python {

    private static final String FOUND = find();

    private Python() {
    }

    /** The interpreter's path; skips the calling test when there is none. */
    public static String interpreter() {
        Peers.assume(FOUND != null,
                "no CPython 3.11+ found (looked for pyenv 3.13.0, then python3): comparison skipped");
        return FOUND;
    }

    /** Runs {@code script} with {@code args} in {@code workDir}; fails on a non-zero exit with Python's output. */
    public static String run(String script, Path workDir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(interpreter());
        command.add("-c");
        command.add(script);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("python did not finish: " + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("python failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }

    private static String find() {
        List<String> candidates = new ArrayList<>();
        String pyenvRoot = System.getenv().getOrDefault("PYENV_ROOT", System.getProperty("user.home") + "/.pyenv");
        candidates.add(pyenvRoot + "/versions/3.13.0/bin/python3.13");
        candidates.add("python3.13");
        candidates.add("python3");
        for (String candidate : candidates) {
            if (candidate.contains("/") && !Files.isExecutable(Paths.get(candidate))) {
                continue;
            }
            if (isAtLeast311(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isAtLeast311(String candidate) {
        try {
            Process process = new ProcessBuilder(candidate, "-c",
                    "import sys; print(int(sys.version_info >= (3, 11)))").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0 && out.equals("1");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
