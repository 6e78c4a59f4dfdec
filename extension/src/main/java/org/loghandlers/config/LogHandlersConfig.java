package org.loghandlers.config;

import java.util.List;
import java.util.Optional;

/** Everything declared under {@code loghandlers.*}: the handlers and the logger settings, in key order. */
public record LogHandlersConfig(List<HandlerSpec> handlers, List<LoggerSpec> loggers) {

    public LogHandlersConfig {
        handlers = List.copyOf(handlers);
        loggers = List.copyOf(loggers);
    }

    public Optional<HandlerSpec> handler(String name) {
        return handlers.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    public boolean isEmpty() {
        return handlers.isEmpty() && loggers.isEmpty();
    }
}
