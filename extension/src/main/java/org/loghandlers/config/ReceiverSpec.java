package org.loghandlers.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One receiver as declared under {@code loghandlers.receiver.<name>.*}: its name, its {@code type} (or null when it
 * names a {@code class} instead) and every other option by its key, as written. Options a receiver takes whatever
 * its type: {@code handlers} (the handlers it feeds, required), {@code enabled} and {@code executor}.
 */
public record ReceiverSpec(String name, String type, String className, Map<String, String> options) {

    /** The names of the handlers the receiver hands its records to, comma-separated. */
    public static final String HANDLERS = "handlers";
    /** {@code false} declares the receiver without starting it. */
    public static final String ENABLED = "enabled";
    /** JNDI name of the ManagedExecutorService the receiver runs on; default the container's default one. */
    public static final String EXECUTOR = "executor";

    /** The options every receiver takes, besides {@code type} and {@code class}. */
    static final List<String> COMMON = List.of(HANDLERS, ENABLED, EXECUTOR);

    /** Options are kept in key order, so that problems are reported in a stable order. */
    public ReceiverSpec {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** The full property key of one of this receiver's options. */
    public String key(String option) {
        return ConfigKeys.receiverKey(name, option);
    }

    public Optional<String> option(String option) {
        return Optional.ofNullable(options.get(option));
    }

    /** The names listed in {@code handlers}; empty when absent. */
    public List<String> handlers() {
        return option(HANDLERS).map(HandlerSpec::commaList).orElse(List.of());
    }

    /** False only when {@code enabled=false}. */
    public boolean enabled() {
        return !"false".equalsIgnoreCase(option(ENABLED).map(String::trim).orElse("true"));
    }

    /** The JNDI name in {@code executor}, or empty for the default. */
    public Optional<String> executor() {
        return option(EXECUTOR).map(String::trim).filter(value -> !value.isEmpty());
    }
}
