package org.loghandlers.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.loghandlers.options.OptionValues;

/**
 * The registry of receiver {@code type} names and the {@link org.loghandlers.receivers.Receiver} classes they stand
 * for, looked up by name when a configuration uses them. A type may need a library that is an optional dependency
 * of ours ({@code kafka} needs kafka-clients); when that library is missing, the type is reported as needing it.
 */
public final class ReceiverTypes {

    private static final String RECEIVERS = "org.loghandlers.receivers.";

    /** A library a type needs beyond our jar: a class it must find, and the artifact that has it. */
    public record Requirement(String className, String artifact) {
    }

    private record Entry(String className, Requirement requirement) {
    }

    private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();

    static {
        BY_TYPE.put("socket", new Entry(RECEIVERS + "SocketReceiver", null));
        BY_TYPE.put("kafka", new Entry(RECEIVERS + "KafkaReceiver",
                new Requirement("org.apache.kafka.clients.consumer.KafkaConsumer", "org.apache.kafka:kafka-clients")));
    }

    private ReceiverTypes() {
    }

    public static List<String> names() {
        return List.copyOf(BY_TYPE.keySet());
    }

    public static Optional<String> className(String type) {
        return Optional.ofNullable(BY_TYPE.get(type)).map(Entry::className);
    }

    /** The library {@code type} needs beyond our jar, if any. */
    public static Optional<Requirement> requirement(String type) {
        return Optional.ofNullable(BY_TYPE.get(type)).map(Entry::requirement);
    }

    /** Whether the receiver class of {@code type}, and any library it needs, can be loaded from {@code loader}. */
    public static boolean isAvailable(String type, ClassLoader loader) {
        Optional<Requirement> requirement = requirement(type);
        if (requirement.isPresent() && OptionValues.load(requirement.get().className(), loader) == null) {
            return false;
        }
        return className(type).map(name -> OptionValues.load(name, loader) != null).orElse(false);
    }
}
