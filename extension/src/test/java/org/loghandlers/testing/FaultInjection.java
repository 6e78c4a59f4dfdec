package org.loghandlers.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Real file system faults for tests, made with the machine's own tools: {@code chattr +i} makes a directory or file
 * immutable even for root, and a size-limited tmpfs is a disk that fills up. Tests that need them are skipped with a
 * message where the tools or the privileges are missing.
 */
public final class FaultInjection {

    private FaultInjection() {
    }

    /** Makes {@code path} immutable: nothing can be created, renamed, deleted or written in or to it. */
    public static void makeImmutable(Path path) {
        assumeTrue(run("chattr", "+i", path.toString()), "chattr +i is not available here (needs root on ext4/xfs)");
    }

    public static void makeMutable(Path path) {
        run("chattr", "-i", path.toString());
    }

    /** Mounts a tmpfs of {@code bytes} at {@code dir}; the test must {@link #unmount} it. */
    public static void mountSmallDisk(Path dir, long bytes) throws IOException {
        Files.createDirectories(dir);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString()),
                "cannot mount a tmpfs here (needs root)");
    }

    public static void unmount(Path dir) {
        run("umount", "-l", dir.toString());
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
