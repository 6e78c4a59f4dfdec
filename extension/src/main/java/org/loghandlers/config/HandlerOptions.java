package org.loghandlers.config;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Handler;

/**
 * The JavaBean options of a handler class, found by reflection: every public one-argument {@code setX} whose
 * argument can be written as text, keyed by its kebab-case name ({@code setMaxBytes} is {@code max-bytes}). The
 * options of {@link Handler} itself (level, formatter, filter, encoding, error manager) are common keys instead.
 */
public final class HandlerOptions {

    private static final Set<String> COMMON_SETTERS = Set.of("setLevel", "setFormatter", "setFilter", "setEncoding",
            "setErrorManager");

    private static final Set<Class<?>> NOT_FROM_TEXT = Set.of(InputStream.class, Writer.class, Reader.class,
            Object.class);

    private HandlerOptions() {
    }

    /** Setters by kebab-case option name; where a setter is overloaded, the one taking a String wins. */
    public static Map<String, Method> of(Class<?> handlerClass) {
        Map<String, Method> setters = new TreeMap<>();
        for (Method method : handlerClass.getMethods()) {
            if (!isOption(method)) {
                continue;
            }
            String option = kebabCase(method.getName().substring(3));
            Method known = setters.get(option);
            if (known == null || (method.getParameterTypes()[0] == String.class
                    && known.getParameterTypes()[0] != String.class)) {
                setters.put(option, method);
            }
        }
        return setters;
    }

    private static boolean isOption(Method method) {
        String name = method.getName();
        if (!name.startsWith("set") || name.length() == 3 || method.getParameterCount() != 1
                || Modifier.isStatic(method.getModifiers()) || COMMON_SETTERS.contains(name)
                || method.getDeclaringClass() == Handler.class || method.getDeclaringClass() == Object.class) {
            return false;
        }
        Class<?> type = method.getParameterTypes()[0];
        if (type.isArray()) {
            return type == String[].class || OptionValues.isHandlerReference(type);
        }
        return !NOT_FROM_TEXT.contains(type);
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
