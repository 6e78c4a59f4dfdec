package org.loghandlers.config;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

import org.loghandlers.receivers.Receiver;

/**
 * The JavaBean options of a receiver class by kebab-case name, as {@link HandlerOptions} finds a handler's: every
 * text-typed setter except those of {@link Receiver} itself (its name, handlers and error manager are set by the
 * extension from {@code handlers} and the declaration).
 */
public final class ReceiverOptions {

    private ReceiverOptions() {
    }

    public static Map<String, Method> of(Class<? extends Receiver> receiverClass) {
        Map<String, Method> setters = new TreeMap<>();
        HandlerOptions.of(receiverClass).forEach((name, setter) -> {
            if (setter.getDeclaringClass() != Receiver.class) {
                setters.put(name, setter);
            }
        });
        return setters;
    }
}
