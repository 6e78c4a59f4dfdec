package org.loghandlers.tck;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the archives the tests deploy: test classes, a {@code beans.xml} and the configuration under test as
 * {@code microprofile-config.properties}. On Weld embedded that is a jar, and the extension comes from the class
 * path. On WildFly and Payara it is a WAR laid out as a user's build makes it: classes and the configuration under
 * {@code WEB-INF/classes}, and the loghandlers jar with its runtime dependencies in {@code WEB-INF/lib}, copied there
 * by the build from the jar it just made.
 */
final class Deployments {

    private Deployments() {
    }

    static Archive<?> archive(String properties, Class<?>... classes) {
        return archive("tck", properties, classes);
    }

    /** An archive named {@code name} (the WAR's context path on a server). */
    static Archive<?> archive(String name, String properties, Class<?>... classes) {
        if (Containers.server() == null) {
            return ShrinkWrap.create(JavaArchive.class, name + ".jar")
                    .addClasses(classes)
                    .addClasses(CapturingHandler.class, Deployments.class, Containers.class)
                    .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml")
                    .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties");
        }
        return plainWar(name, classes)
                .addClasses(CapturingHandler.class, Deployments.class, Containers.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(properties + "\ntck.container=" + Containers.server() + "\n"),
                        "META-INF/microprofile-config.properties")
                .addAsLibraries(warLibraries());
    }

    /** A WAR with these classes and nothing of loghandlers: an application that knows nothing of us. */
    static WebArchive plainWar(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war").addClasses(classes);
    }

    /** The loghandlers jar (it has no run-time dependency), as the build copied it. */
    static File[] warLibraries() {
        Path dir = Path.of(System.getProperty("tck.war-libraries", "target/war-libraries"));
        try (Stream<Path> jars = Files.list(dir)) {
            File[] libraries = jars.filter(jar -> jar.toString().endsWith(".jar")).map(Path::toFile)
                    .toArray(File[]::new);
            if (libraries.length == 0) {
                throw new IllegalStateException("no jars in " + dir + ": the build copies the loghandlers jar there");
            }
            return libraries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh directory for log files under {@code target/tck-logs}; its path goes into the properties, and the
     * tests read it back from the injected handlers.
     */
    static Path logDirectory(String prefix) {
        try {
            Path logs = Path.of("target", "tck-logs").toAbsolutePath();
            Files.createDirectories(logs);
            return Files.createTempDirectory(logs, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path as a properties value (backslashes escaped, for Windows paths). */
    static String value(Path path) {
        return path.toString().replace("\\", "\\\\");
    }
}
