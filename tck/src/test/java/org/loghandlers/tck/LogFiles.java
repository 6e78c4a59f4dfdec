package org.loghandlers.tck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads what the handlers wrote, as a user would look at their log files. */
final class LogFiles {

    private LogFiles() {
    }

    /** The lines of {@code file} that contain {@code text}, in order; none if the file does not exist. */
    static List<String> linesContaining(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).toList();
    }
}
