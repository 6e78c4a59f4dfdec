package org.loghandlers.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.logging.Formatter;

import org.loghandlers.format.JsonFormatter;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.options.OptionValues;

/**
 * Builds a handler's formatter from {@code format} (a {@link PythonFormatter} format string), {@code formatter}
 * ({@code json} for {@link JsonFormatter}, or a class name) and {@code date-format}. For a handler with a
 * {@code format} option of its own (see {@link CommonOptions#isCommon}), {@code format} is left to the handler.
 */
public final class FormatterOption {

    static final String JSON = "json";

    private FormatterOption() {
    }

    /** Checks the formatter keys of {@code spec} without building anything. */
    public static void validate(HandlerSpec spec, ClassLoader loader, boolean formatIsTheHandlers,
            List<ConfigProblem> problems) {
        try {
            create(spec, loader, formatIsTheHandlers);
        } catch (ConfigException e) {
            problems.add(e.problem());
        }
    }

    /** The formatter {@code spec} asks for, or empty to keep the handler's own; throws ConfigException. */
    public static Optional<Formatter> create(HandlerSpec spec, ClassLoader loader, boolean formatIsTheHandlers) {
        Optional<String> format = formatIsTheHandlers ? Optional.empty() : spec.option(CommonOptions.FORMAT);
        Optional<String> formatter = spec.option(CommonOptions.FORMATTER).map(String::trim);
        Optional<String> dateFormat = spec.option(CommonOptions.DATE_FORMAT);
        if (format.isPresent() && formatter.isPresent()) {
            throw new ConfigException(spec.key(CommonOptions.FORMATTER), formatter.get(),
                    "set either format (a Python format string) or formatter, not both");
        }
        Formatter built;
        String key;
        String value;
        if (format.isPresent()) {
            key = spec.key(CommonOptions.FORMAT);
            value = format.get();
            try {
                built = new PythonFormatter(value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, value, e.getMessage());
            }
        } else if (formatter.isPresent()) {
            key = spec.key(CommonOptions.FORMATTER);
            value = formatter.get();
            built = JSON.equalsIgnoreCase(value) ? new JsonFormatter() : instantiate(value, key, loader);
        } else if (dateFormat.isPresent()) {
            throw new ConfigException(spec.key(CommonOptions.DATE_FORMAT), dateFormat.get(),
                    "date-format applies to the formatter set by format or formatter, and neither is set");
        } else {
            return Optional.empty();
        }
        if (dateFormat.isPresent()) {
            setText(built, "setDateFormat", dateFormat.get(), spec.key(CommonOptions.DATE_FORMAT));
        }
        return Optional.of(built);
    }

    private static Formatter instantiate(String className, String key, ClassLoader loader) {
        try {
            return (Formatter) OptionValues.newInstanceOf(className, Formatter.class, loader);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new ConfigException(key, className, "accepted: json, or "
                    + OptionValues.accepted(Formatter.class));
        }
    }

    private static void setText(Formatter formatter, String setter, String text, String key) {
        Method method;
        try {
            method = formatter.getClass().getMethod(setter, String.class);
        } catch (NoSuchMethodException e) {
            throw new ConfigException(key, text, "does not apply to " + formatter.getClass().getName()
                    + ", which has no " + setter + "(String)");
        }
        try {
            method.invoke(formatter, text);
        } catch (InvocationTargetException e) {
            throw new ConfigException(key, text, String.valueOf(e.getCause().getMessage()));
        } catch (IllegalAccessException e) {
            throw new ConfigException(key, text, e.toString());
        }
    }
}
