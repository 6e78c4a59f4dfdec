package org.loghandlers.options;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The JavaBean options of a class whose value can be written as text: every public one-argument {@code setX}, keyed
 * by its property name as a JavaBean tool writes it ({@code setMaxBytes} is {@code maxBytes}). Where a setter is
 * overloaded, the one taking a String wins, as JBoss LogManager's configurator also picks it.
 */
public final class BeanSetters {

    private static final Set<Class<?>> NOT_FROM_TEXT = Set.of(InputStream.class, Writer.class, Reader.class,
            Object.class);

    private BeanSetters() {
    }

    /** Setters by property name, in name order. */
    public static Map<String, Method> of(Class<?> type) {
        Map<String, Method> setters = new TreeMap<>();
        for (Method method : type.getMethods()) {
            if (!fromText(method)) {
                continue;
            }
            String property = propertyName(method);
            Method known = setters.get(property);
            if (known == null || (method.getParameterTypes()[0] == String.class
                    && known.getParameterTypes()[0] != String.class)) {
                setters.put(property, method);
            }
        }
        return setters;
    }

    /** {@code setFileName} to {@code fileName}; a leading run of capitals stays ({@code setURL} to {@code URL}). */
    public static String propertyName(Method setter) {
        String suffix = setter.getName().substring(3);
        if (suffix.length() > 1 && Character.isUpperCase(suffix.charAt(1))) {
            return suffix;
        }
        return Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
    }

    private static boolean fromText(Method method) {
        String name = method.getName();
        if (!name.startsWith("set") || name.length() == 3 || method.getParameterCount() != 1
                || Modifier.isStatic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
            return false;
        }
        Class<?> type = method.getParameterTypes()[0];
        if (type.isArray()) {
            return type == String[].class || OptionValues.isHandlerReference(type);
        }
        return !NOT_FROM_TEXT.contains(type);
    }
}
