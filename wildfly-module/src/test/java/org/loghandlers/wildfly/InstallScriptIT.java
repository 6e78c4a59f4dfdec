package org.loghandlers.wildfly;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What install.sh does to a WildFly directory, and what it refuses; the server's own test runs it for real. */
class InstallScriptIT {

    @TempDir
    Path dir;

    @Test
    void runningItTwiceLeavesOneCopyOfTheBuiltModuleReplacingAnOlderOne() throws Exception {
        Path jbossHome = fakeWildFly();
        Path installed = jbossHome.resolve("modules/org/loghandlers/main");
        Files.createDirectories(installed);
        Files.writeString(installed.resolve("loghandlers-0.0.1.jar"), "an older version");

        InstallScript.install(jbossHome);
        InstallScript.install(jbossHome);

        assertEquals(files(InstallScript.builtModule()), files(installed));
        try (Stream<Path> siblings = Files.list(installed.getParent())) {
            assertEquals(1, siblings.count(), "nothing but main/ under modules/org/loghandlers");
        }
    }

    @Test
    void theModuleXmlNamesExactlyTheJarsBesideIt() throws Exception {
        Path module = InstallScript.builtModule();
        String moduleXml = Files.readString(module.resolve("module.xml"));
        Matcher roots = Pattern.compile("<resource-root path=\"(?:\\./)?([^\"]+)\"").matcher(moduleXml);
        Map<String, Boolean> named = new TreeMap<>();
        while (roots.find()) {
            named.put(roots.group(1), true);
        }
        Map<String, Boolean> jars = new TreeMap<>();
        try (Stream<Path> files = Files.list(module)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).forEach(n -> jars.put(n, true));
        }
        assertEquals(jars, named);
        assertTrue(jars.keySet().stream().anyMatch(n -> n.startsWith("loghandlers-")), "the extension jar");
    }

    @Test
    void itRefusesAMissingDirectoryAndOneThatIsNotAWildFly() throws Exception {
        CommandResult missing = InstallScript.run(InstallScript.SCRIPT, dir.resolve("no-such-dir"));
        CommandResult notWildFly = InstallScript.run(InstallScript.SCRIPT, dir);
        assertAll(
                () -> assertNotEquals(0, missing.exitCode()),
                () -> assertTrue(missing.output().contains("does not exist"), missing.output()),
                () -> assertNotEquals(0, notWildFly.exitCode()),
                () -> assertTrue(notWildFly.output().contains("is not a WildFly installation"), notWildFly.output()),
                () -> assertEquals(0, files(dir).size(), "nothing written into a directory it refused"));
    }

    @Test
    void withoutABuiltModuleItSaysToRunTheBuild() throws Exception {
        Path script = Files.copy(InstallScript.SCRIPT, dir.resolve("install.sh"), StandardCopyOption.COPY_ATTRIBUTES);
        CommandResult result = InstallScript.run(script, fakeWildFly());
        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("run ./mvnw install"), result.output());
    }

    private Path fakeWildFly() throws IOException {
        Path jbossHome = Files.createDirectories(dir.resolve("wildfly"));
        Files.createDirectories(jbossHome.resolve("modules/system/layers/base"));
        Files.writeString(jbossHome.resolve("jboss-modules.jar"), "");
        return jbossHome;
    }

    /** Relative path to content of every file under {@code root}. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), new String(Files.readAllBytes(file),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }
}
