package org.loghandlers.config;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Handler;

import org.loghandlers.options.BeanSetters;

/**
 * The JavaBean options of a handler class, found by reflection: every public one-argument {@code setX} whose
 * argument can be written as text, keyed by its kebab-case name ({@code setMaxBytes} is {@code max-bytes}). The
 * options of {@link Handler} itself (level, formatter, filter, encoding, error manager) are common keys instead.
 *
 * <p>A String setter {@code set<Group>Properties} also takes the pass-through options {@code <group>.<property>}
 * ({@code KafkaHandler.setKafkaProperties} takes {@code kafka.linger.ms}).
 */
public final class HandlerOptions {

    private static final Set<String> COMMON_SETTERS = Set.of("setLevel", "setFormatter", "setFilter", "setEncoding",
            "setErrorManager");

    private HandlerOptions() {
    }

    /** Setters by kebab-case option name; where a setter is overloaded, the one taking a String wins. */
    public static Map<String, Method> of(Class<?> handlerClass) {
        Map<String, Method> setters = new TreeMap<>();
        for (Method method : BeanSetters.of(handlerClass).values()) {
            if (!COMMON_SETTERS.contains(method.getName()) && method.getDeclaringClass() != Handler.class) {
                setters.put(kebabCase(method.getName().substring(3)), method);
            }
        }
        return setters;
    }

    /** The setter that takes the pass-through options of {@code group} ({@code kafka}), or null when none does. */
    public static Method passThroughSetter(Map<String, Method> setters, String group) {
        Method setter = setters.get(group + "-properties");
        return setter != null && setter.getParameterTypes()[0] == String.class ? setter : null;
    }

    /** {@code MaxBytes} to {@code max-bytes}; a run of capitals is one word ({@code HTTPMethod} to {@code http-method}). */
    public static String kebabCase(String property) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean previousLower = i > 0 && !Character.isUpperCase(property.charAt(i - 1));
                boolean endOfCapitals = i > 0 && i + 1 < property.length()
                        && Character.isUpperCase(property.charAt(i - 1))
                        && Character.isLowerCase(property.charAt(i + 1));
                if (out.length() > 0 && (previousLower || endOfCapitals)) {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
