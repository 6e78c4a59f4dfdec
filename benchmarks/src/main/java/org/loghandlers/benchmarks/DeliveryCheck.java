package org.loghandlers.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts the lines that reached the files of one directory and compares them with the lines expected. Fewer lines
 * than expected means records were lost; more means duplicated. The first line must be the {@link Workload} line
 * (or the line a scenario says it writes), so that every peer is seen to write the same thing.
 */
public final class DeliveryCheck {

    private final String description;
    private final Path directory;

    /** A check of {@code directory}; {@code description} names the scenario in failure messages. */
    public DeliveryCheck(String description, Path directory) {
        this.description = description;
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Throws {@link DeliveryCheckFailedException} unless the files hold exactly {@code expectedLines} lines. */
    public void verify(long expectedLines) throws IOException {
        verify(expectedLines, Workload.LINE);
    }

    /**
     * Throws {@link DeliveryCheckFailedException} unless the files hold exactly {@code expectedLines} lines, the
     * first of them matching {@code line}.
     */
    public void verify(long expectedLines, Pattern line) throws IOException {
        List<Path> files = files();
        long lines = 0;
        for (Path file : files) {
            lines += countNewlines(file);
        }
        if (lines < expectedLines) {
            throw new DeliveryCheckFailedException(String.format("%s: %,d lines expected but %,d reached %s: %,d"
                    + " lost; a throughput figure counts only when every record is delivered", description,
                    expectedLines, lines, directory, expectedLines - lines));
        }
        if (lines > expectedLines) {
            throw new DeliveryCheckFailedException(String.format("%s: %,d lines expected but %,d in %s: %,d more"
                    + " (duplicated or foreign lines)", description, expectedLines, lines, directory,
                    lines - expectedLines));
        }
        if (lines > 0) {
            checkFirstLine(files, line);
        }
    }

    private void checkFirstLine(List<Path> files, Pattern line) throws IOException {
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String first = reader.readLine();
                if (first == null) {
                    continue;
                }
                if (!line.matcher(first).matches()) {
                    throw new DeliveryCheckFailedException(description + ": " + file + " does not hold the"
                            + " workload's line (" + line + "); its first line is '" + first + "'");
                }
                return;
            }
        }
    }

    /** The regular files under the directory, in name order, sub-directories included. */
    private List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    /** The number of newline bytes in {@code file}. */
    static long countNewlines(Path file) throws IOException {
        byte[] bytes = new byte[1 << 20];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long count = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int read;
            while ((read = channel.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == '\n') {
                        count++;
                    }
                }
                buffer.clear();
            }
        }
        return count;
    }

    /** Deletes the directory and everything in it. */
    public void deleteDirectory() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The files did not hold exactly the records logged: the benchmark's figure must not be used. */
    public static final class DeliveryCheckFailedException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        DeliveryCheckFailedException(String message) {
            super(message);
        }
    }
}
