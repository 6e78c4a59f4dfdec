package org.loghandlers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryCheckTest {

    private static final String LINE = WorkloadFormatter.line("2026-11-25 15:04:05,123", "INFO",
            Workload.THREAD_NAME_PREFIX + 1, Workload.LOGGER_NAME, Workload.MESSAGE);

    @TempDir
    Path directory;

    @Test
    void passesWhenEveryRecordReachedTheFile() throws IOException {
        write("app.log", 1000);

        assertDoesNotThrow(() -> new DeliveryCheck("test", directory).verify(1000));
    }

    @Test
    void failsWhenOneRecordIsMissing() throws IOException {
        write("app.log", 999);

        DeliveryCheck.DeliveryCheckFailedException failure = assertThrows(
                DeliveryCheck.DeliveryCheckFailedException.class,
                () -> new DeliveryCheck("test", directory).verify(1000));
        assertTrue(failure.getMessage().contains("1 lost"), failure.getMessage());
    }

    @Test
    void failsWhenTheFileHoldsMoreLinesThanRecordsLogged() throws IOException {
        write("app.log", 1001);

        assertThrows(DeliveryCheck.DeliveryCheckFailedException.class,
                () -> new DeliveryCheck("test", directory).verify(1000));
    }

    @Test
    void countsTheLinesOfRotatedFilesInSubdirectories() throws IOException {
        write("app.log", 300);
        Files.createDirectory(directory.resolve("archive"));
        write("archive/app.log.1", 400);
        write("archive/app.log.2", 300);

        assertDoesNotThrow(() -> new DeliveryCheck("test", directory).verify(1000));
        assertThrows(DeliveryCheck.DeliveryCheckFailedException.class,
                () -> new DeliveryCheck("test", directory).verify(1001));
    }

    @Test
    void failsWhenTheLinesAreNotTheWorkloadsLine() throws IOException {
        Files.writeString(directory.resolve("app.log"), "INFO: This is a debug message\n".repeat(10));

        assertThrows(DeliveryCheck.DeliveryCheckFailedException.class,
                () -> new DeliveryCheck("test", directory).verify(10));
    }

    @Test
    void acceptsAnEmptyFileWhenNoLineIsExpected() throws IOException {
        Files.createFile(directory.resolve("app.log"));

        assertDoesNotThrow(() -> new DeliveryCheck("test", directory).verify(0));
    }

    @Test
    void deletesTheDirectoryWithEverythingInIt() throws IOException {
        Path trial = Files.createDirectory(directory.resolve("trial"));
        Files.createDirectories(trial.resolve("archive"));
        Files.writeString(trial.resolve("archive/app.log.1"), LINE);

        new DeliveryCheck("test", trial).deleteDirectory();

        assertFalse(Files.exists(trial));
    }

    private void write(String name, int lines) throws IOException {
        Files.write(directory.resolve(name), LINE.repeat(lines).getBytes(StandardCharsets.UTF_8));
    }
}
