package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A handler for the whole server, set up as a Payara Micro user would without CDI: the loghandlers jar on the JVM's
 * class path or its boot class path (not {@code --addlibs}: the JDK's {@code LogManager} loads handler classes only
 * through the system class loader, and Payara adds those jars to a loader of its own), and
 * {@code --logproperties} with Payara's own file plus a {@code RotatingFileHandler} with a {@code PythonFormatter}
 * on one logger. The application is a plain WAR that knows nothing of loghandlers.
 */
@Tag(Containers.PAYARA_PROCESS)
class PayaraMicroServerWideHandlerTest {

    private static final String LOGGER = "com.acme.orders";
    private static final String MESSAGE = "acme-order";
    private static final int MAX_BYTES = 2000;
    private static final int BACKUP_COUNT = 3;
    /**
     * A line is about 64 bytes, so a file holds 31 records: 80 records fill app.log.2 and app.log.1 and part of
     * app.log, and none is old enough for backupCount to drop (the four files hold 124).
     */
    private static final int RECORDS = 80;
    private static final Pattern LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO     "
            + Pattern.quote(LOGGER) + ": " + MESSAGE + " (\\d+)");

    /** The two ways to put the jars where the JDK's {@code LogManager} loads handler classes from. */
    enum JarsOn {
        /** {@code java --add-opens... -cp payara-micro.jar:JARS fish.payara.micro.PayaraMicro}. */
        CLASS_PATH,
        /** {@code java -Xbootclasspath/a:JARS -jar payara-micro.jar}. */
        BOOT_CLASS_PATH;

        PayaraMicroProcess.Options options(List<Path> jars, List<String> arguments) {
            if (this == CLASS_PATH) {
                return new PayaraMicroProcess.Options(List.of(), jars, arguments);
            }
            String path = String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
            return new PayaraMicroProcess.Options(List.of("-Xbootclasspath/a:" + path), List.of(), arguments);
        }
    }

    @ParameterizedTest
    @EnumSource(JarsOn.class)
    void everyRecordOfAPlainWarReachesTheRotatedFilesFormattedByPython(JarsOn jarsOn, @TempDir Path config)
            throws Exception {
        Path logs = Deployments.logDirectory("payara-server-wide");
        Path logFile = logs.resolve("app.log");
        Path properties = config.resolve("logging.properties");
        Files.writeString(properties, PayaraMicroProcess.defaultLoggingProperties() + "\n"
                + LOGGER + ".handlers=org.loghandlers.handlers.RotatingFileHandler\n"
                + LOGGER + ".useParentHandlers=false\n"
                + "org.loghandlers.handlers.RotatingFileHandler.fileName=" + Deployments.value(logFile) + "\n"
                + "org.loghandlers.handlers.RotatingFileHandler.maxBytes=" + MAX_BYTES + "\n"
                + "org.loghandlers.handlers.RotatingFileHandler.backupCount=" + BACKUP_COUNT + "\n"
                + "org.loghandlers.handlers.RotatingFileHandler.formatter=org.loghandlers.format.PythonFormatter\n"
                + "org.loghandlers.format.PythonFormatter.format=%(asctime)s %(levelname)-8s %(name)s: %(message)s\n",
                StandardCharsets.ISO_8859_1);
        List<Path> jars = Arrays.stream(Deployments.warLibraries()).map(file -> file.toPath().toAbsolutePath())
                .toList();
        String name = "server-wide-" + jarsOn.name().toLowerCase(Locale.ROOT).replace('_', '-');

        try (PayaraMicroProcess server = PayaraMicroProcess.start(name,
                jarsOn.options(jars, List.of("--logproperties", properties.toString())),
                Deployments.plainWar("orders", LogServlet.class, RedeployMarker.class))) {
            assertEquals("logged " + RECORDS, Http.get(server.url("orders"),
                    "log?logger=" + LOGGER + "&message=" + MESSAGE + "&count=" + RECORDS));

            List<Path> files = rotatedFiles(logFile);
            List<Integer> delivered = new ArrayList<>();
            for (Path file : files) {
                assertTrue(Files.size(file) <= MAX_BYTES, file + " is larger than maxBytes: " + Files.size(file));
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher matcher = LINE.matcher(line);
                    assertTrue(matcher.matches(), "not the PythonFormatter's format, in " + file + ": " + line);
                    delivered.add(Integer.valueOf(matcher.group(1)));
                }
            }
            assertEquals(IntStream.range(0, RECORDS).boxed().toList(), delivered,
                    "every record once, oldest in the highest-numbered backup, across " + files);
            assertTrue(files.size() >= 3, "rolled over at least twice: " + files);
            assertFalse(Files.exists(Path.of(logFile + "." + (BACKUP_COUNT + 1))), "more backups than backupCount");

            String output = server.output();
            for (String problem : List.of("org.loghandlers", "loghandlers:", "Can't load log handler")) {
                assertFalse(output.contains(problem), "Payara Micro's log mentions " + problem + "; see "
                        + "target/payara-process/" + name + "/server.log");
            }
            assertFalse(output.contains(MESSAGE), "a record reached Payara's console despite useParentHandlers");
        }
    }

    /** app.log and the backups that exist, oldest (highest number) first, as Python's RotatingFileHandler names them. */
    private static List<Path> rotatedFiles(Path logFile) {
        List<Path> files = new ArrayList<>();
        for (int backup = BACKUP_COUNT; backup >= 1; backup--) {
            Path file = Path.of(logFile + "." + backup);
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        files.add(logFile);
        return files;
    }
}
