package org.loghandlers.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** What {@link LoggingProgram} logs, as the lines a Python format writes and the files a size rotation makes. */
public final class ProgramRecords {

    /** The Python format the tests give: {@code %(levelname)s:%(name)s:%(message)s}. */
    public static final String PYTHON_FORMAT = "%(levelname)s:%(name)s:%(message)s";

    private ProgramRecords() {
    }

    /** The lines {@link #PYTHON_FORMAT} gives for records {@code from} to {@code to} (exclusive) of {@code name}. */
    public static List<String> pythonLines(String name, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> (i % 2 == 0 ? "INFO" : "WARNING") + ":" + name + ":" + String.format("record %02d", i))
                .toList();
    }

    /**
     * The files Python's {@code RotatingFileHandler} fills with {@code lines} (each followed by "\n"), oldest first,
     * by its rule in {@code shouldRollover}: a record that would bring a non-empty file to {@code maxBytes} goes to a
     * fresh file.
     */
    public static List<List<String>> rotatingFiles(List<String> lines, int maxBytes) {
        List<List<String>> files = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int size = 0;
        for (String line : lines) {
            int length = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (size > 0 && size + length >= maxBytes) {
                files.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(line);
            size += length;
        }
        files.add(current);
        return files;
    }
}
