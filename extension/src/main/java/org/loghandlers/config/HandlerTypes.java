package org.loghandlers.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.loghandlers.options.OptionValues;

/**
 * The registry of {@code type} names and the handler classes they stand for. Classes are looked up by name when a
 * configuration uses them, so a type whose handler is not in this build is reported as "not available yet" instead
 * of failing the whole extension. A handler that needs a library the jar does not bring (an {@code optional}
 * dependency) names it here, so that a configuration using it without the library fails naming what to add.
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
        CLASS_BY_TYPE.put("smtp", HANDLERS + "SmtpHandler");
        CLASS_BY_TYPE.put("memory", HANDLERS + "MemoryHandler");
        CLASS_BY_TYPE.put("http", HANDLERS + "HttpHandler");
        CLASS_BY_TYPE.put("queue", HANDLERS + "QueueHandler");
        CLASS_BY_TYPE.put("kafka", HANDLERS + "KafkaHandler");
    }

    /** A library a handler class needs beyond the JDK and this jar: classes it must see, and what brings them. */
    public record Requirement(String library, List<String> classNames, String artifact) {
    }

    private static final Map<String, Requirement> REQUIREMENT_BY_CLASS = Map.of(
            HANDLERS + "SmtpHandler", new Requirement("Jakarta Mail", List.of("jakarta.mail.Session"),
                    "org.eclipse.angus:angus-mail (2.0.3 or later, which brings jakarta.mail:jakarta.mail-api)"),
            HANDLERS + "KafkaHandler", new Requirement("kafka-clients",
                    List.of("org.apache.kafka.clients.producer.KafkaProducer"), "org.apache.kafka:kafka-clients"));

    private static final Map<String, Map<String, String>> REQUIRED_OPTIONS_BY_CLASS = Map.of(
            HANDLERS + "SmtpHandler", orderedMap(
                    "fromaddr", "required: the sender's address, such as app@example.com",
                    "toaddrs", "required: the recipients' addresses, comma-separated"),
            HANDLERS + "HttpHandler", orderedMap(
                    "host", "required: the server, host or host:port",
                    "url", "required: the path requests go to, such as /log"));

    /** The type whose handler hands records to a listener that runs on an executor. */
    public static final String QUEUE = "queue";

    private HandlerTypes() {
    }

    /**
     * The options a handler of {@code handlerClass} (or of a subclass of it) cannot work without, each with what it
     * takes: without them it could only discard every record, so a configuration that leaves one out fails the
     * deployment instead.
     */
    public static Map<String, String> requiredOptions(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            Map<String, String> required = REQUIRED_OPTIONS_BY_CLASS.get(c.getName());
            if (required != null) {
                return required;
            }
        }
        return Map.of();
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    public static List<String> names() {
        return List.copyOf(CLASS_BY_TYPE.keySet());
    }

    public static Optional<String> className(String type) {
        return Optional.ofNullable(CLASS_BY_TYPE.get(type));
    }

    /**
     * Whether the handler class of {@code type} can be loaded from {@code loader}, and sees the library it
     * {@linkplain #missingRequirement needs}.
     */
    public static boolean isAvailable(String type, ClassLoader loader) {
        return className(type).map(name -> load(name, loader)).map(found -> missingRequirement(found).isEmpty())
                .orElse(false);
    }

    /**
     * The library {@code handlerClass} needs and cannot see from its own class loader (the one its code will use),
     * if any.
     */
    public static Optional<Requirement> missingRequirement(Class<?> handlerClass) {
        for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
            Requirement requirement = REQUIREMENT_BY_CLASS.get(type.getName());
            if (requirement != null) {
                ClassLoader loader = type.getClassLoader();
                boolean visible = requirement.classNames().stream().allMatch(name -> {
                    try {
                        Class.forName(name, false, loader);
                        return true;
                    } catch (ClassNotFoundException | LinkageError e) {
                        return false;
                    }
                });
                return visible ? Optional.empty() : Optional.of(requirement);
            }
        }
        return Optional.empty();
    }

    /** Loads a class from the application's loader, then from ours; null when neither has it. */
    static Class<?> load(String className, ClassLoader loader) {
        return OptionValues.load(className, loader);
    }
}
