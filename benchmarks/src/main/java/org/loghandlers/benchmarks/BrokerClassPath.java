package org.loghandlers.benchmarks;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.loghandlers.testing.KafkaBroker;

/**
 * Where the Kafka scenarios find the broker's class path: the file the {@code kafka-broker} module writes
 * ({@code kafka-broker/target/broker.classpath}, next to {@code benchmarks/target/benchmarks.jar} in the checkout),
 * unless {@code -Dtests.kafka-broker-classpath} names another.
 */
final class BrokerClassPath {

    private BrokerClassPath() {
    }

    /** Sets {@link KafkaBroker#CLASSPATH_PROPERTY} for {@link KafkaBroker}; fails naming the build step if absent. */
    static void install() {
        String given = System.getProperty(KafkaBroker.CLASSPATH_PROPERTY);
        Path file = given != null ? Path.of(given) : besideTheJar();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no Kafka broker class path at " + file + ": build with ./mvnw -B -ntp"
                    + " -pl benchmarks -am -DskipTests package (it runs the kafka-broker module), or name the file"
                    + " with -D" + KafkaBroker.CLASSPATH_PROPERTY);
        }
        System.setProperty(KafkaBroker.CLASSPATH_PROPERTY, file.toString());
    }

    private static Path besideTheJar() {
        try {
            Path jar = Path.of(BrokerClassPath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // benchmarks/target/benchmarks.jar (or benchmarks/target/classes) -> the checkout's root
            Path root = jar.toAbsolutePath().getParent().getParent().getParent();
            return root.resolve("kafka-broker").resolve("target").resolve("broker.classpath");
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where benchmarks.jar is; name the broker class path file"
                    + " with -D" + KafkaBroker.CLASSPATH_PROPERTY, e);
        }
    }
}
