package org.loghandlers.wildfly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rotating file and its numbered backups, read oldest first ({@code app.log.N} ... {@code app.log.1}, {@code app.log}). */
final class RotatedFiles {

    private final Path file;

    RotatedFiles(Path file) {
        this.file = file;
    }

    /** Every file that exists, oldest first, with its text. */
    Map<Path, String> contents() throws IOException {
        List<Path> backups = new ArrayList<>();
        for (int i = 1; Files.exists(backup(i)); i++) {
            backups.add(0, backup(i));
        }
        if (Files.exists(file)) {
            backups.add(file);
        }
        Map<Path, String> contents = new LinkedHashMap<>();
        for (Path path : backups) {
            contents.put(path, Files.readString(path, StandardCharsets.UTF_8));
        }
        return contents;
    }

    /** Every line of every file, oldest first. */
    List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String text : contents().values()) {
            if (!text.isEmpty() && !text.endsWith("\n")) {
                throw new AssertionError("a file ends in the middle of a line: ..." + text.substring(
                        Math.max(0, text.length() - 80)));
            }
            text.lines().forEach(lines::add);
        }
        return lines;
    }

    Path backup(int number) {
        return file.resolveSibling(file.getFileName() + "." + number);
    }
}
