package org.loghandlers.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything declared under {@code loghandlers.*}: the handlers, the logger settings and the receivers, in key order. */
public record LogHandlersConfig(List<HandlerSpec> handlers, List<LoggerSpec> loggers, List<ReceiverSpec> receivers) {

    public LogHandlersConfig {
        handlers = List.copyOf(handlers);
        loggers = List.copyOf(loggers);
        receivers = List.copyOf(receivers);
    }

    /** A configuration without receivers. */
    public LogHandlersConfig(List<HandlerSpec> handlers, List<LoggerSpec> loggers) {
        this(handlers, loggers, List.of());
    }

    public Optional<HandlerSpec> handler(String name) {
        return handlers.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    public Optional<ReceiverSpec> receiver(String name) {
        return receivers.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    /** The names of the handlers some receiver feeds: like a queue's handlers, attached to no logger by default. */
    public Set<String> receiverTargets() {
        Set<String> targets = new LinkedHashSet<>();
        receivers.forEach(spec -> targets.addAll(spec.handlers()));
        return targets;
    }

    public boolean isEmpty() {
        return handlers.isEmpty() && loggers.isEmpty() && receivers.isEmpty();
    }
}
