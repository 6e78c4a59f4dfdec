package org.loghandlers.wildfly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Installs the {@code org.apache.kafka.clients} module as docs/wildfly.adoc tells users to: kafka-clients and the
 * compression libraries it loads, with the module dependencies the page lists.
 */
final class KafkaClientsModule {

    static final String NAME = "org.apache.kafka.clients";

    private KafkaClientsModule() {
    }

    static void install(Path jbossHome, Path jars) throws IOException {
        List<Path> resources;
        try (Stream<Path> listed = Files.list(jars)) {
            resources = listed.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
        }
        if (resources.stream().noneMatch(path -> path.getFileName().toString().startsWith("kafka-clients-"))) {
            throw new IllegalStateException("no kafka-clients jar in " + jars + " (the build copies it there)");
        }
        Path module = jbossHome.resolve("modules/org/apache/kafka/clients/main");
        Files.createDirectories(module);
        for (Path jar : resources) {
            Files.copy(jar, module.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        String roots = resources.stream()
                .map(jar -> "    <resource-root path=\"" + jar.getFileName() + "\"/>")
                .collect(Collectors.joining("\n"));
        Files.writeString(module.resolve("module.xml"), "<module xmlns=\"urn:jboss:module:1.9\" name=\"" + NAME
                + "\">\n  <resources>\n" + roots + "\n  </resources>\n  <dependencies>\n"
                + "    <module name=\"java.se\"/>\n"
                + "    <module name=\"jdk.unsupported\"/>\n"
                + "    <module name=\"org.slf4j\"/>\n"
                + "  </dependencies>\n</module>\n");
    }
}
