package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.CountingErrorManager;

/**
 * kafka-clients is optional: the extension's classes, loaded where no {@code org.apache.kafka} class can be found,
 * still load, a configuration of type kafka fails naming the artifact, and a KafkaHandler built anyway says so once
 * instead of throwing into the application.
 */
class KafkaClientsMissingTest {

    /** The extension's classes and the MicroProfile Config API, over the JDK alone: no kafka-clients. */
    private static URLClassLoader withoutKafka() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Class<?> type : List.of(KafkaHandler.class, Config.class)) {
            urls.add(type.getProtectionDomain().getCodeSource().getLocation());
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        assertThrows(ClassNotFoundException.class,
                () -> loader.loadClass("org.apache.kafka.clients.producer.KafkaProducer"));
        return loader;
    }

    @Test
    void aHandlerOrReceiverOfTypeKafkaFailsTheConfigurationNamingTheArtifactToAdd() throws Exception {
        try (URLClassLoader loader = withoutKafka()) {
            Class<?> reader = loader.loadClass("org.loghandlers.config.ConfigReader");
            Class<?> validator = loader.loadClass("org.loghandlers.config.ConfigValidator");
            Class<?> configType = loader.loadClass("org.loghandlers.config.LogHandlersConfig");
            List<Object> problems = new ArrayList<>();
            Class<?> receiverValidator = loader.loadClass("org.loghandlers.config.ReceiverValidator");
            Object config = reader.getMethod("read", Map.class, List.class).invoke(null, Map.of(
                    "loghandlers.handler.central.type", "kafka",
                    "loghandlers.handler.central.kafka.linger.ms", "5",
                    "loghandlers.handler.local.type", "null",
                    "loghandlers.receiver.back.type", "kafka",
                    "loghandlers.receiver.back.handlers", "local"), problems);
            List<String> found = new ArrayList<>();
            for (Class<?> checks : List.of(validator, receiverValidator)) {
                Object result = checks.getMethod("validate", configType, ClassLoader.class).invoke(null, config,
                        loader);
                ((List<?>) result.getClass().getMethod("problems").invoke(result)).forEach(p -> found.add(p.toString()));
            }

            assertEquals(2, found.size(), found::toString);
            assertTrue(found.get(0).startsWith("loghandlers.handler.central.type=kafka: type kafka needs"
                    + " kafka-clients, which is not on the class path: add org.apache.kafka:kafka-clients"),
                    found::toString);
            assertTrue(found.get(1).startsWith("loghandlers.receiver.back.type=kafka: type kafka needs"
                    + " org.apache.kafka:kafka-clients on the class path"), found::toString);
        }
    }

    @Test
    void aHandlerBuiltWithoutItReportsTheMissingArtifactOnceAndNeverThrows() throws Exception {
        try (URLClassLoader loader = withoutKafka()) {
            Handler handler = (Handler) loader.loadClass(KafkaHandler.class.getName()).getConstructor()
                    .newInstance();
            CountingErrorManager errors = new CountingErrorManager();
            handler.setErrorManager(errors);
            handler.getClass().getMethod("setKafkaProperties", String.class).invoke(handler, "linger.ms=5");
            for (int i = 0; i < 3; i++) {
                handler.publish(new LogRecord(Level.INFO, "record " + i));
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (errors.count() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            handler.close();

            assertTrue(errors.count() >= 1, "a report");
            assertTrue(errors.reports().get(0).message().contains("kafka-clients is not on the class path: add"
                    + " org.apache.kafka:kafka-clients"), errors.reports().toString());
            assertEquals(1, errors.reports().stream().filter(r -> r.message().contains("not on the class path"))
                    .count(), errors.reports().toString());
        }
    }
}
