package org.loghandlers.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import org.loghandlers.config.HandlerTypes;

/**
 * Entry point of the demo: starts a Weld SE application whose handlers are declared in
 * {@code META-INF/microprofile-config.properties}, logs a burst from several threads, stops the application (which
 * drains the queue and closes the files) and prints where each record went.
 */
public final class DemoApplication {

    private static final List<String> TYPES_USED = List.of("queue", "rotating-file", "timed-rotating-file", "file",
            "stream");
    private static final List<String> FORMATTERS_USED = List.of("org.loghandlers.format.PythonFormatter",
            "org.loghandlers.format.JsonFormatter");

    private DemoApplication() {
    }

    public static void main(String[] args) throws Exception {
        Path logs = logDirectory();
        if (!everythingUsedIsInThisBuild()) {
            System.exit(2);
        }
        // The JDK's default console handler would print every record; the demo's console handler shows warnings.
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        OrderTraffic.Counts counts;
        try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            OrderTraffic traffic = container.select(OrderTraffic.class).get();
            System.out.println("loghandlers demo: logging from 4 threads into " + logs);
            System.out.println("injected @LogHandler(\"app\"): " + traffic.appHandler());
            counts = traffic.burst(4, 1000);
        }
        report(logs, counts);
    }

    private static Path logDirectory() throws IOException {
        String configured = System.getProperty("demo.logs");
        Path logs = configured != null ? Path.of(configured) : Files.createTempDirectory("loghandlers-demo-");
        logs = logs.toAbsolutePath();
        if (Files.isDirectory(logs)) {
            try (Stream<Path> old = Files.walk(logs)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(logs)) {
                        Files.delete(path);
                    }
                }
            }
        }
        Files.createDirectories(logs);
        System.setProperty("demo.logs", logs.toString());
        return logs;
    }

    private static boolean everythingUsedIsInThisBuild() {
        ClassLoader loader = DemoApplication.class.getClassLoader();
        List<String> missing = Stream.concat(
                TYPES_USED.stream().filter(type -> !HandlerTypes.isAvailable(type, loader)).map(type -> "type " + type),
                FORMATTERS_USED.stream().filter(name -> !loadable(name, loader))).toList();
        if (!missing.isEmpty()) {
            System.err.println("loghandlers demo: this build does not have " + String.join(", ", missing)
                    + " yet; the demo's configuration uses them.");
        }
        return missing.isEmpty();
    }

    private static boolean loadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void report(Path logs, OrderTraffic.Counts counts) throws IOException {
        System.out.println();
        System.out.printf("logged %d records: %d audit or billing, %d warnings%n", counts.total(), counts.audit(),
                counts.warnings());
        System.out.println("where they went:");
        long app = 0;
        long daily = 0;
        long audit = 0;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                long lines = applicationLines(file);
                String name = file.getFileName().toString();
                System.out.printf("  %-40s %7d records%s%n", name, lines, name.endsWith(".gz") ? " (gzip)" : "");
                if (name.startsWith("app.log")) {
                    app += lines;
                } else if (name.startsWith("daily.log")) {
                    daily += lines;
                } else if (name.startsWith("audit.log")) {
                    audit += lines;
                }
            }
        }
        System.out.printf("  console (standard error): the %d warnings above%n", counts.warnings());
        System.out.println();
        System.out.printf("app.log and its backups:      %6d of %d records (through the queue)%n", app, counts.total());
        System.out.printf("daily.log and its gzip files: %6d of %d records (through the queue)%n", daily,
                counts.total());
        System.out.printf("audit.log:                    %6d of %d audit and billing records%n", audit,
                counts.audit());
    }

    /** Lines written for the demo's own loggers (Weld's start and stop messages go to the root logger too). */
    private static long applicationLines(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> line.contains("com.acme.")).count();
        }
    }
}
