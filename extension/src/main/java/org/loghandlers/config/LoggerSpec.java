package org.loghandlers.config;

import java.util.Map;
import java.util.Optional;

/** Settings of one logger, declared under {@code loghandlers.logger."<name>".*} (the empty name is the root). */
public record LoggerSpec(String name, Map<String, String> options) {

    public LoggerSpec {
        options = Map.copyOf(options);
    }

    public String key(String option) {
        return ConfigKeys.loggerKey(name, option);
    }

    public Optional<String> option(String option) {
        return Optional.ofNullable(options.get(option));
    }
}
