package org.loghandlers.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/**
 * Builds the archives the tests deploy: test classes, a {@code beans.xml} and the configuration under test as
 * {@code META-INF/microprofile-config.properties}. The extension itself comes from the loghandlers jar on the class
 * path (on WildFly or Payara it would be in the WAR's {@code WEB-INF/lib}).
 */
final class Deployments {

    private Deployments() {
    }

    static JavaArchive archive(String properties, Class<?>... classes) {
        return ShrinkWrap.create(JavaArchive.class)
                .addClasses(classes)
                .addClasses(CapturingHandler.class, Deployments.class)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties");
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
