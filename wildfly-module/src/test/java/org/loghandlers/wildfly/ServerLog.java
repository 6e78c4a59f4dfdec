package org.loghandlers.wildfly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** WildFly's {@code standalone/log/server.log}, in its default pattern {@code %d %-5p [%c] (%t) %s%e%n}. */
final class ServerLog {

    private static final String TIMESTAMP = "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ";
    private static final Pattern ERROR = Pattern.compile(TIMESTAMP + "(ERROR|FATAL) ");
    private static final Pattern WARNING = Pattern.compile(TIMESTAMP + "WARN ");

    private final Path file;

    ServerLog(Path file) {
        this.file = file;
    }

    List<String> lines() throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** Every ERROR or FATAL line, and every WARN line that mentions loghandlers. */
    List<String> problems() throws IOException {
        return lines().stream()
                .filter(line -> ERROR.matcher(line).find()
                        || WARNING.matcher(line).find() && line.toLowerCase().contains("loghandlers"))
                .toList();
    }
}
