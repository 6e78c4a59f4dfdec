package org.loghandlers.config;

import java.io.UnsupportedEncodingException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.loghandlers.options.OptionValues;
import org.loghandlers.options.LogManagerProperties;
import org.loghandlers.options.PropertyList;
import org.loghandlers.options.Secrets;

/**
 * Builds the handlers of a validated configuration: each one with its no-arg constructor, then every option through
 * its setter, targets before the handlers that pass records to them. A setter that refuses a value becomes a
 * problem naming the key. When any problem is found, everything built is closed and nothing is returned.
 */
public final class HandlerAssembler {

    private HandlerAssembler() {
    }

    /** The outcome: the handlers by name in build order (targets first), or the problems that prevented it. */
    public record Result(Map<String, Handler> handlers, List<ConfigProblem> problems) {

        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    public static Result build(LogHandlersConfig config, Map<String, Class<? extends Handler>> classes,
            ClassLoader loader) {
        return LogManagerProperties.ignoredWhile(() -> buildIgnoringLogManagerProperties(config, classes, loader));
    }

    /**
     * The handlers are built with their no-argument constructors, which elsewhere read the JDK's
     * {@code logging.properties}: here they must not, so that a server-wide entry for one of our classes never
     * fills in what this configuration leaves at its default.
     */
    private static Result buildIgnoringLogManagerProperties(LogHandlersConfig config,
            Map<String, Class<? extends Handler>> classes, ClassLoader loader) {
        Map<String, List<String>> edges = HandlerReferences.of(config, classes);
        Map<String, Handler> built = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (String name : HandlerReferences.buildOrder(edges)) {
            HandlerSpec spec = config.handler(name).orElseThrow();
            Class<? extends Handler> handlerClass = classes.get(name);
            if (handlerClass == null) {
                continue;
            }
            try {
                Handler handler = buildOne(spec, handlerClass, built, loader, problems);
                if (handler != null) {
                    built.put(name, handler);
                }
            } catch (ConfigException e) {
                problems.add(e.problem());
            }
        }
        if (!problems.isEmpty()) {
            closeAll(built);
            return new Result(Map.of(), problems);
        }
        return new Result(built, problems);
    }

    /** The handler, or null after adding to {@code problems} what stopped it. */
    private static Handler buildOne(HandlerSpec spec, Class<? extends Handler> handlerClass, Map<String, Handler> built,
            ClassLoader loader, List<ConfigProblem> problems) {
        String constructedKey = spec.key(spec.type() != null ? CommonOptions.TYPE : CommonOptions.CLASS);
        Handler handler;
        try {
            handler = handlerClass.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new ConfigException(constructedKey, spec.type() != null ? spec.type() : spec.className(),
                    "the constructor failed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(constructedKey, spec.type() != null ? spec.type() : spec.className(),
                    "cannot be constructed: " + e);
        }
        Map<String, Method> setters = HandlerOptions.of(handlerClass);
        if (setters.containsKey("name") && !spec.options().containsKey("name")) {
            invoke(handler, setters.get("name"), spec.name(), spec.key("name"), spec.name());
        }
        int before = problems.size();
        Map<String, Map<String, String>> passThrough = new TreeMap<>();
        for (Map.Entry<String, String> option : spec.options().entrySet()) {
            String group = ConfigKeys.passThroughGroup(option.getKey());
            if (group != null && HandlerOptions.passThroughSetter(setters, group) != null) {
                passThrough.computeIfAbsent(group, g -> new TreeMap<>())
                        .put(option.getKey().substring(group.length() + 1), option.getValue());
                continue;
            }
            Method setter = setters.get(option.getKey());
            if (setter == null || (HandlerTypes.QUEUE.equals(spec.type())
                    && CommonOptions.QUEUE_ONLY.contains(option.getKey()))) {
                continue;
            }
            try {
                Class<?> argument = setter.getParameterTypes()[0];
                Object value = OptionValues.isHandlerReference(argument)
                        ? HandlerReferences.resolve(option.getValue(), argument, built)
                        : OptionValues.convert(option.getValue(), argument, loader);
                invoke(handler, setter, value, spec.key(option.getKey()), option.getValue());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(spec.key(option.getKey()), option.getValue(), e.getMessage()));
            } catch (ConfigException e) {
                problems.add(e.problem());
            }
        }
        passThrough.forEach((group, properties) -> applyPassThrough(spec, handler,
                HandlerOptions.passThroughSetter(setters, group), group, properties, problems));
        try {
            applyCommon(spec, handler, loader);
        } catch (ConfigException e) {
            problems.add(e.problem());
        }
        if (problems.size() > before) {
            handler.close();
            return null;
        }
        return handler;
    }

    /**
     * Hands {@code <group>.<property>} options to the group's one String setter: each alone first, so that a refused
     * property is reported under its own key, then all of them together (with any {@code <group>-properties} the
     * configuration also sets, which they override). A refused value is not repeated when it may be a secret.
     */
    private static void applyPassThrough(HandlerSpec spec, Handler handler, Method setter, String group,
            Map<String, String> properties, List<ConfigProblem> problems) {
        Map<String, String> all = new LinkedHashMap<>();
        String groupOption = group + "-properties";
        Optional<String> whole = spec.option(groupOption);
        int before = problems.size();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String key = spec.key(group + "." + property.getKey());
            String shown = PropertyList.mayHoldSecret(property.getKey()) ? Secrets.HIDDEN : property.getValue();
            try {
                invoke(handler, setter, PropertyList.format(Map.of(property.getKey(), property.getValue())), key,
                        shown);
            } catch (ConfigException e) {
                problems.add(new ConfigProblem(key, shown, e.problem().message()));
            }
        }
        if (problems.size() > before) {
            return;
        }
        try {
            whole.ifPresent(text -> all.putAll(PropertyList.parse(text)));
            all.putAll(properties);
            invoke(handler, setter, PropertyList.format(all), spec.key(groupOption), "(the " + group + ".* options)");
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(spec.key(groupOption), Secrets.HIDDEN, e.getMessage()));
        } catch (ConfigException e) {
            problems.add(e.problem());
        }
    }

    private static void applyCommon(HandlerSpec spec, Handler handler, ClassLoader loader) {
        spec.option(CommonOptions.ENCODING).ifPresent(encoding -> {
            try {
                handler.setEncoding(encoding.trim());
            } catch (UnsupportedEncodingException | RuntimeException e) {
                throw new ConfigException(spec.key(CommonOptions.ENCODING), encoding,
                        "accepted: a charset name supported by this JVM, such as UTF-8");
            }
        });
        spec.option(CommonOptions.FILTER).ifPresent(filter -> handler.setFilter(
                (Filter) convert(spec, CommonOptions.FILTER, filter, Filter.class, loader)));
        boolean ownFormat = !CommonOptions.isCommon(CommonOptions.FORMAT, HandlerOptions.of(handler.getClass()));
        FormatterOption.create(spec, loader, ownFormat).ifPresent(handler::setFormatter);
        spec.option(CommonOptions.LEVEL).ifPresent(level -> handler.setLevel(
                (Level) convert(spec, CommonOptions.LEVEL, level, Level.class, loader)));
        if (!spec.enabled()) {
            handler.setLevel(Level.OFF);
        }
    }

    private static Object convert(HandlerSpec spec, String option, String value, Class<?> type, ClassLoader loader) {
        try {
            return OptionValues.convert(value, type, loader);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(spec.key(option), value, e.getMessage());
        }
    }

    private static void invoke(Handler handler, Method setter, Object value, String key, String text) {
        try {
            setter.invoke(handler, value);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof IllegalArgumentException ? cause.getMessage() : cause.toString();
            throw new ConfigException(key, text, "refused by " + setter.getDeclaringClass().getSimpleName() + "."
                    + setter.getName() + ": " + message);
        } catch (IllegalAccessException e) {
            throw new ConfigException(key, text, e.toString());
        }
    }

    /** Closes handlers in reverse build order, so each is closed before the targets it passes records to. */
    public static void closeAll(Map<String, Handler> handlers) {
        List<Handler> reverse = new ArrayList<>(handlers.values());
        Collections.reverse(reverse);
        for (Handler handler : reverse) {
            try {
                handler.close();
            } catch (RuntimeException e) {
                handler.getErrorManager().error("loghandlers: closing " + handler + " failed", e, 0);
            }
        }
    }
}
