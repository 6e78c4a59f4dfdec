package org.loghandlers.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.loghandlers.options.OptionValues;

/**
 * The registry of {@code type} names and the handler classes they stand for. Classes are looked up by name when a
 * configuration uses them, so a type whose handler is not in this build is reported as "not available yet" instead
 * of failing the whole extension.
 */
public final class HandlerTypes {

    private static final String HANDLERS = "org.loghandlers.handlers.";

    private static final Map<String, String> CLASS_BY_TYPE = new LinkedHashMap<>();

    static {
        CLASS_BY_TYPE.put("stream", HANDLERS + "StreamHandler");
        CLASS_BY_TYPE.put("file", HANDLERS + "FileHandler");
        CLASS_BY_TYPE.put("null", HANDLERS + "NullHandler");
        CLASS_BY_TYPE.put("watched-file", HANDLERS + "WatchedFileHandler");
        CLASS_BY_TYPE.put("rotating-file", HANDLERS + "RotatingFileHandler");
        CLASS_BY_TYPE.put("timed-rotating-file", HANDLERS + "TimedRotatingFileHandler");
        CLASS_BY_TYPE.put("socket", HANDLERS + "SocketHandler");
        CLASS_BY_TYPE.put("datagram", HANDLERS + "DatagramHandler");
        CLASS_BY_TYPE.put("syslog", HANDLERS + "SysLogHandler");
        CLASS_BY_TYPE.put("nt-event-log", HANDLERS + "NtEventLogHandler");
        CLASS_BY_TYPE.put("smtp", HANDLERS + "SMTPHandler");
        CLASS_BY_TYPE.put("memory", HANDLERS + "MemoryHandler");
        CLASS_BY_TYPE.put("http", HANDLERS + "HttpHandler");
        CLASS_BY_TYPE.put("queue", HANDLERS + "QueueHandler");
        CLASS_BY_TYPE.put("kafka", HANDLERS + "KafkaHandler");
    }

    /** A library a type needs beside the extension: a class it must find, and the artifact that has it. */
    private record Library(String probeClass, String artifact) {
    }

    private static final Map<String, Library> LIBRARY_BY_TYPE = Map.of(
            "kafka", new Library("org.apache.kafka.clients.producer.KafkaProducer",
                    "org.apache.kafka:kafka-clients"));

    /** The type whose handler hands records to a listener that runs on an executor. */
    public static final String QUEUE = "queue";

    private HandlerTypes() {
    }

    public static List<String> names() {
        return List.copyOf(CLASS_BY_TYPE.keySet());
    }

    public static Optional<String> className(String type) {
        return Optional.ofNullable(CLASS_BY_TYPE.get(type));
    }

    /** Whether the handler class of {@code type} can be loaded from {@code loader}. */
    public static boolean isAvailable(String type, ClassLoader loader) {
        return className(type).map(name -> load(name, loader) != null).orElse(false);
    }

    /**
     * What is missing for {@code type} to work: the sentence naming the artifact to add, or empty when the type
     * needs no library beyond the extension or {@code loader} finds it.
     */
    public static Optional<String> missingLibrary(String type, ClassLoader loader) {
        Library library = LIBRARY_BY_TYPE.get(type);
        if (library == null || load(library.probeClass(), loader) != null) {
            return Optional.empty();
        }
        return Optional.of("type " + type + " needs " + library.artifact() + " on the class path, which the"
                + " extension only declares as optional: add it beside the loghandlers jar (the application's"
                + " WEB-INF/lib, or the org.loghandlers module's dependencies on WildFly); " + library.probeClass()
                + " was not found");
    }

    /** Loads a class from the application's loader, then from ours; null when neither has it. */
    static Class<?> load(String className, ClassLoader loader) {
        return OptionValues.load(className, loader);
    }
}
