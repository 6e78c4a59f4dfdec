package org.loghandlers.format;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loghandlers.testing.Python;

class PythonLevelTest {

    @ParameterizedTest(name = "{0} ({1}) is Python {2} {3}")
    @CsvSource({
        "OFF,     2147483647, OFF,      2147483647",
        "FATAL,   1100,       CRITICAL, 50",
        "above FATAL, 1500,   CRITICAL, 50",
        "SEVERE,  1000,       ERROR,    40",
        "between SEVERE and FATAL, 1050, ERROR, 40",
        "WARNING, 900,        WARNING,  30",
        "between WARNING and SEVERE, 950, WARNING, 30",
        "just below WARNING, 899, INFO, 20",
        "INFO,    800,        INFO,     20",
        "CONFIG,  700,        INFO,     20",
        "just below CONFIG, 699, DEBUG, 10",
        "FINE,    500,        DEBUG,    10",
        "FINER,   400,        DEBUG,    10",
        "FINEST,  300,        DEBUG,    10",
        "negative, -5,        DEBUG,    10",
        "ALL,     -2147483648, NOTSET,  0",
    })
    void mapsAJavaLevelToThePythonLevelOfItsRange(String description, int value, String name, int number) {
        Level level = PythonLevel.parse(Integer.toString(value));
        assertEquals(name, PythonLevel.name(level), description);
        assertEquals(number, PythonLevel.number(level), description);
    }

    @Test
    void mapsTheNamedJdkAndJBossLevelsAsTheTeamGuideSays() {
        Map<Level, String> expected = new HashMap<>();
        expected.put(JBossLevel.FATAL, "CRITICAL");
        expected.put(JBossLevel.ERROR, "ERROR");
        expected.put(Level.SEVERE, "ERROR");
        expected.put(JBossLevel.WARN, "WARNING");
        expected.put(Level.WARNING, "WARNING");
        expected.put(Level.INFO, "INFO");
        expected.put(Level.CONFIG, "INFO");
        expected.put(JBossLevel.DEBUG, "DEBUG");
        expected.put(Level.FINE, "DEBUG");
        expected.put(JBossLevel.TRACE, "DEBUG");
        expected.put(Level.FINER, "DEBUG");
        expected.put(Level.FINEST, "DEBUG");
        expected.put(Level.ALL, "NOTSET");
        expected.forEach((level, name) -> assertEquals(name, PythonLevel.name(level), level.getName()));
    }

    @Test
    void pythonNamesAndNumbersAgreeWithCPythonsLoggingModule(@TempDir Path workDir)
            throws IOException, InterruptedException {
        String mapping = Python.run(
                "import logging\nfor name, number in logging.getLevelNamesMapping().items(): print(name, number)",
                workDir, Map.of());
        Map<String, Integer> cpython = new HashMap<>();
        for (String line : mapping.strip().split("\n")) {
            String[] nameAndNumber = line.split(" ");
            cpython.put(nameAndNumber[0], Integer.parseInt(nameAndNumber[1]));
        }
        for (Level level : List.of(JBossLevel.FATAL, Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG,
                Level.FINE, Level.FINER, Level.FINEST, JBossLevel.TRACE, Level.ALL)) {
            assertEquals(cpython.get(PythonLevel.name(level)), PythonLevel.number(level), level.getName());
        }
        for (String name : List.of("CRITICAL", "FATAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "NOTSET")) {
            Level parsed = PythonLevel.parse(name);
            assertEquals(cpython.get(name), PythonLevel.number(parsed), name);
            assertEquals(parsed.intValue(), PythonLevel.fromNumber(cpython.get(name)).intValue(), name);
        }
    }

    @Test
    void parsesJavaJBossAndPythonNamesInAnyCase() {
        assertAll(
            () -> assertSame(Level.SEVERE, PythonLevel.parse("severe")),
            () -> assertSame(Level.FINE, PythonLevel.parse("Fine")),
            () -> assertSame(Level.CONFIG, PythonLevel.parse("CONFIG")),
            () -> assertSame(Level.OFF, PythonLevel.parse("off")),
            () -> assertSame(Level.ALL, PythonLevel.parse("ALL")),
            () -> assertSame(JBossLevel.FATAL, PythonLevel.parse("fatal")),
            () -> assertSame(JBossLevel.FATAL, PythonLevel.parse("critical")),
            () -> assertSame(JBossLevel.ERROR, PythonLevel.parse("Error")),
            () -> assertSame(JBossLevel.WARN, PythonLevel.parse("warn")),
            () -> assertSame(Level.WARNING, PythonLevel.parse("warning")),
            () -> assertSame(Level.INFO, PythonLevel.parse(" info ")),
            () -> assertSame(JBossLevel.DEBUG, PythonLevel.parse("debug")),
            () -> assertSame(JBossLevel.TRACE, PythonLevel.parse("TRACE")),
            () -> assertSame(Level.ALL, PythonLevel.parse("notset")));
    }

    @Test
    void jbossLevelsHaveJBossNamesAndIntValues() {
        assertAll(
            () -> assertEquals("FATAL", JBossLevel.FATAL.getName()),
            () -> assertEquals(1100, JBossLevel.FATAL.intValue()),
            () -> assertEquals("ERROR", JBossLevel.ERROR.getName()),
            () -> assertEquals(1000, JBossLevel.ERROR.intValue()),
            () -> assertEquals("WARN", JBossLevel.WARN.getName()),
            () -> assertEquals(900, JBossLevel.WARN.intValue()),
            () -> assertEquals("DEBUG", JBossLevel.DEBUG.getName()),
            () -> assertEquals(500, JBossLevel.DEBUG.intValue()),
            () -> assertEquals("TRACE", JBossLevel.TRACE.getName()),
            () -> assertEquals(400, JBossLevel.TRACE.intValue()));
    }

    @Test
    void readsAnIntegerAsAJavaIntValueReturningTheNamedLevelWhenThereIsOne() {
        assertSame(Level.WARNING, PythonLevel.parse("900"));
        assertSame(JBossLevel.FATAL, PythonLevel.parse("1100"));
        Level custom = PythonLevel.parse("850");
        assertEquals(850, custom.intValue());
        assertEquals("850", custom.getName());
        assertEquals("INFO", PythonLevel.name(custom));
    }

    @Test
    void rejectsAnUnknownNameNamingItAndListingWhatIsAccepted() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PythonLevel.parse("verbose"));
        assertTrue(error.getMessage().contains("'verbose'"), error.getMessage());
        for (String accepted : List.of("SEVERE", "FINEST", "FATAL", "WARN", "TRACE", "CRITICAL", "NOTSET",
                "integer")) {
            assertTrue(error.getMessage().contains(accepted), error.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PythonLevel.parse(""));
        assertThrows(IllegalArgumentException.class, () -> PythonLevel.parse(null));
        assertThrows(IllegalArgumentException.class, () -> PythonLevel.parse("12.5"));
    }

    @ParameterizedTest(name = "Python {0} is {1}")
    @CsvSource({
        "-10, ALL", "0, ALL", "1, DEBUG", "5, DEBUG", "10, DEBUG", "11, INFO", "20, INFO", "25, WARNING",
        "30, WARNING", "35, SEVERE", "40, SEVERE", "45, FATAL", "50, FATAL", "51, OFF", "100, OFF"})
    void turnsAPythonNumberIntoTheThresholdThatLetsTheSameLevelsThrough(int number, String javaName) {
        assertEquals(PythonLevel.parse(javaName), PythonLevel.fromNumber(number));
    }
}
