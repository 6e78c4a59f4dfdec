package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loghandlers.testing.ProgramRecords.PYTHON_FORMAT;
import static org.loghandlers.testing.ProgramRecords.pythonLines;
import static org.loghandlers.testing.ProgramRecords.rotatingFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.PlainJvm;

/**
 * Our handler and formatter in JBoss LogManager's own {@code logging.properties} format, in a plain JVM whose log
 * manager is JBoss LogManager: JBoss builds each with its no-argument constructor and sets the listed
 * {@code properties} through their setters.
 */
class JBossLoggingPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void aRotatingFileHandlerWithAPythonFormatterIsConfiguredByJBossLogManagersPropertiesFormat() throws Exception {
        Path logs = dir.resolve("logs");
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, """
                loggers=app
                logger.app.level=INFO
                logger.app.useParentHandlers=false
                logger.app.handlers=FILE
                handler.FILE=org.loghandlers.handlers.RotatingFileHandler
                handler.FILE.properties=fileName,maxBytes,backupCount
                handler.FILE.fileName=%s
                handler.FILE.maxBytes=200
                handler.FILE.backupCount=1
                handler.FILE.formatter=PYTHON
                formatter.PYTHON=org.loghandlers.format.PythonFormatter
                formatter.PYTHON.properties=format
                formatter.PYTHON.format=%s
                """.formatted(logs.resolve("app.log"), PYTHON_FORMAT), StandardCharsets.UTF_8);

        PlainJvm.Output output = PlainJvm.run(dir, List.of("java.util.logging.manager=org.jboss.logmanager.LogManager",
                "logging.configuration=" + config.toUri()), "app", "20", "0");

        List<List<String>> files = rotatingFiles(pythonLines("app", 0, 20), 200);
        try (Stream<Path> written = Files.list(logs)) {
            assertEquals(List.of("app.log", "app.log.1"), written.map(file -> file.getFileName().toString()).sorted()
                    .toList());
        }
        assertEquals(files.get(files.size() - 2), Files.readAllLines(logs.resolve("app.log.1")));
        assertEquals(files.get(files.size() - 1), Files.readAllLines(logs.resolve("app.log")));
        assertEquals("", output.stderr());
    }
}
