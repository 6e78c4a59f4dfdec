package org.loghandlers.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.loghandlers.options.OptionValues;

/**
 * One handler as declared under {@code loghandlers.handler.<name>.*}: its name, its {@code type} (or null when it
 * names a {@code class} instead) and every other option by its kebab-case key, as written.
 */
public record HandlerSpec(String name, String type, String className, Map<String, String> options) {

    public HandlerSpec {
        options = Map.copyOf(options);
    }

    /** The full property key of one of this handler's options, as the user wrote it. */
    public String key(String option) {
        return ConfigKeys.handlerKey(name, option);
    }

    public Optional<String> option(String option) {
        return Optional.ofNullable(options.get(option));
    }

    /** The logger names of {@code loggers}; empty when the option is absent, {@code ["none"]} when it says none. */
    public List<String> loggers() {
        return option(CommonOptions.LOGGERS).map(HandlerSpec::commaList).orElse(List.of());
    }

    /** False only when {@code enabled=false}. */
    public boolean enabled() {
        return !"false".equalsIgnoreCase(option(CommonOptions.ENABLED).map(String::trim).orElse("true"));
    }

    /** Splits a comma-separated list, trimming each item and dropping empty ones. */
    public static List<String> commaList(String value) {
        return OptionValues.commaList(value);
    }
}
