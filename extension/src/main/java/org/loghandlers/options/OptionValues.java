package org.loghandlers.options;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;

/**
 * Turns the text of an option into the argument its setter takes, and says in words what text a type accepts. The
 * one conversion behind every way of configuring a handler: MicroProfile Config, the JDK's {@code logging.properties}
 * (through the handlers' no-argument constructors) and anything else that has only text. Handler arguments are
 * references to other handlers by name; they are resolved by the caller, not here.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** Whether the argument is another handler (or several), named in the configuration. */
    public static boolean isHandlerReference(Class<?> type) {
        return Handler.class.isAssignableFrom(type) || (type.isArray()
                && Handler.class.isAssignableFrom(type.getComponentType()));
    }

    /** Converts {@code text}; throws IllegalArgumentException with "accepted: ..." when it does not fit. */
    public static Object convert(String text, Class<?> type, ClassLoader loader) {
        String value = text.trim();
        try {
            if (type == String.class) {
                return text;
            } else if (type == int.class || type == Integer.class) {
                return Integer.valueOf(value);
            } else if (type == long.class || type == Long.class) {
                return ByteSize.parse(value);
            } else if (type == double.class || type == Double.class) {
                return Double.valueOf(value);
            } else if (type == float.class || type == Float.class) {
                return Float.valueOf(value);
            } else if (type == boolean.class || type == Boolean.class) {
                return parseBoolean(value);
            } else if (type == Level.class) {
                return LevelOption.parse(value);
            } else if (type == Charset.class) {
                return Charset.forName(value);
            } else if (type == Path.class) {
                return Path.of(value);
            } else if (type == File.class) {
                return new File(value);
            } else if (type == Duration.class) {
                return Durations.parse(value);
            } else if (type == String[].class) {
                return commaList(value).toArray(new String[0]);
            } else if (type.isEnum()) {
                return enumConstant(value, type);
            } else if (type == java.io.OutputStream.class || type == PrintStream.class) {
                return standardStream(value);
            }
            return newInstanceOf(value, type, loader);
        } catch (IllegalArgumentException | ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("accepted: " + accepted(type));
        }
    }

    private static PrintStream standardStream(String value) {
        if (value.equalsIgnoreCase("stdout") || value.equalsIgnoreCase("System.out")) {
            return System.out;
        }
        if (value.equalsIgnoreCase("stderr") || value.equalsIgnoreCase("System.err")) {
            return System.err;
        }
        throw new IllegalArgumentException(value);
    }

    private static Boolean parseBoolean(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new IllegalArgumentException(value);
    }

    private static Object enumConstant(String value, Class<?> type) {
        String wanted = value.replace('-', '_');
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(value);
    }

    /** A class name: loads it, checks it is a {@code type}, and builds it with its public no-arg constructor. */
    public static Object newInstanceOf(String className, Class<?> type, ClassLoader loader)
            throws ReflectiveOperationException {
        Class<?> found = load(className, loader);
        if (found == null || !type.isAssignableFrom(found) || found.isInterface()
                || Modifier.isAbstract(found.getModifiers())) {
            throw new ClassNotFoundException(className);
        }
        return found.getConstructor().newInstance();
    }

    /** What a user may write for an option of this type. */
    public static String accepted(Class<?> type) {
        if (type == String.class) {
            return "any text";
        } else if (type == int.class || type == Integer.class) {
            return "an integer";
        } else if (type == long.class || type == Long.class) {
            return "an integer (64-bit), optionally with a size suffix k, m or g (multiples of 1024: 10m, 10MB, 1GiB)";
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a decimal number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (type == Level.class) {
            return LevelOption.ACCEPTED;
        } else if (type == Charset.class) {
            return "a charset name supported by this JVM, such as UTF-8";
        } else if (type == Path.class || type == File.class) {
            return "a file path";
        } else if (type == Duration.class) {
            return Durations.ACCEPTED;
        } else if (type == String[].class) {
            return "a comma-separated list";
        } else if (type == java.io.OutputStream.class || type == PrintStream.class) {
            return "stdout or stderr";
        } else if (type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .toList());
        }
        return "the name of a class implementing " + type.getName() + " with a public no-argument constructor";
    }

    /** Splits a comma-separated list, trimming each item and dropping empty ones. */
    public static java.util.List<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    /**
     * Loads a class from {@code loader}, then from ours; null when neither has it. A null loader is the bootstrap
     * loader, as in {@link Class#forName(String, boolean, ClassLoader)}: ours, with the jar on
     * {@code -Xbootclasspath/a}.
     */
    public static Class<?> load(String className, ClassLoader loader) {
        for (ClassLoader candidate : new ClassLoader[] {loader, OptionValues.class.getClassLoader()}) {
            try {
                return Class.forName(className, false, candidate);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }
}
