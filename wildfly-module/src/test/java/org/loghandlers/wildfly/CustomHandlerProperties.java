package org.loghandlers.wildfly;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.ErrorManager;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.loghandlers.handlers.RotatingFileHandler;

/**
 * Our handlers' options as WildFly's {@code custom-handler} sees them: it sets a property through the first public
 * one-argument setter of that name, converting the text only to the types of {@link #wildFlyConverts} (JBoss
 * LogManager 2.1's {@code LogContextConfigurationImpl}, the version in WildFly 39).
 */
final class CustomHandlerProperties {

    /** Set through the custom-handler's own attributes (level, encoding, formatter, filter-spec), not properties. */
    private static final Set<String> HANDLER_ATTRIBUTES =
            Set.of("setLevel", "setEncoding", "setFormatter", "setFilter", "setErrorManager");

    private static final Set<Class<?>> CONVERTED = Set.of(String.class, boolean.class, Boolean.class, byte.class,
            Byte.class, short.class, Short.class, int.class, Integer.class, long.class, Long.class, float.class,
            Float.class, double.class, Double.class, char.class, Character.class, Level.class, Logger.class,
            TimeZone.class, Charset.class, Handler.class, Formatter.class, Filter.class, ErrorManager.class);

    private CustomHandlerProperties() {
    }

    /** Every public concrete handler of {@code org.loghandlers.handlers} with a public no-argument constructor. */
    static List<Class<? extends Handler>> handlerClasses() throws IOException, URISyntaxException {
        Path jar = Path.of(RotatingFileHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<? extends Handler>> handlers = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("org/loghandlers/handlers/") && name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = load(name.replace('/', '.').substring(0, name.length() - ".class".length()));
                    if (Handler.class.isAssignableFrom(type) && Modifier.isPublic(type.getModifiers())
                            && !Modifier.isAbstract(type.getModifiers()) && hasNoArgumentConstructor(type)) {
                        handlers.add(type.asSubclass(Handler.class));
                    }
                }
            }
        }
        handlers.sort(Comparator.comparing(Class::getSimpleName));
        return handlers;
    }

    /** Property name to every public one-argument setter of that name, the handler API's own left out. */
    static Map<String, List<Method>> setters(Class<?> handler) {
        Map<String, List<Method>> setters = new TreeMap<>();
        for (Method method : handler.getMethods()) {
            if (method.getName().startsWith("set") && method.getName().length() > 3 && method.getParameterCount() == 1
                    && !Modifier.isStatic(method.getModifiers()) && !HANDLER_ATTRIBUTES.contains(method.getName())) {
                setters.computeIfAbsent(propertyName(method), k -> new ArrayList<>()).add(method);
            }
        }
        return setters;
    }

    /** Whether WildFly can turn a property's text into {@code type}. */
    static boolean wildFlyConverts(Class<?> type) {
        return CONVERTED.contains(type) || type.isEnum();
    }

    /** The value a fresh instance has, as text, read with the option's getter; null when there is none. */
    static String currentValue(Handler fresh, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String getter : List.of("get" + suffix, "is" + suffix)) {
            try {
                Object value = fresh.getClass().getMethod(getter).invoke(fresh);
                if (value instanceof Level level) {
                    return level.getName();
                }
                return value == null ? null : value instanceof Enum<?> e ? e.name() : String.valueOf(value);
            } catch (NoSuchMethodException e) {
                // try the other form
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(fresh.getClass().getSimpleName() + "." + getter + " failed", e);
            }
        }
        return null;
    }

    private static String propertyName(Method setter) {
        String name = setter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean hasNoArgumentConstructor(Class<?> type) {
        return Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CustomHandlerProperties.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
