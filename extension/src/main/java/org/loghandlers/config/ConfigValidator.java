package org.loghandlers.config;

import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Filter;
import java.util.logging.Handler;

import org.loghandlers.options.LevelOption;
import org.loghandlers.options.LogManagerProperties;
import org.loghandlers.options.OptionValues;
import org.loghandlers.options.Suggestions;

/**
 * Checks a whole configuration without building any handler and reports every problem at once: unknown or
 * unavailable types and classes, unknown options (with a "did you mean"), values that do not convert, unknown
 * handler names in {@code target} and {@code handlers}, and cycles between them.
 */
public final class ConfigValidator {

    private static final Set<String> LOGGER_OPTIONS = Set.of("level", "use-parent-handlers");

    private ConfigValidator() {
    }

    /** The outcome: the handler class each valid declaration resolves to, and the problems found. */
    public record Result(Map<String, Class<? extends Handler>> handlerClasses, List<ConfigProblem> problems) {
    }

    public static Result validate(LogHandlersConfig config, ClassLoader loader) {
        return LogManagerProperties.ignoredWhile(() -> validateIgnoringLogManagerProperties(config, loader));
    }

    /** As {@link HandlerAssembler#build}, the formatters it tries are built without reading logging.properties. */
    private static Result validateIgnoringLogManagerProperties(LogHandlersConfig config, ClassLoader loader) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Class<? extends Handler>> classes = new LinkedHashMap<>();
        Set<String> names = new TreeSet<>();
        config.handlers().forEach(spec -> names.add(spec.name()));
        for (HandlerSpec spec : config.handlers()) {
            Class<? extends Handler> handlerClass = resolveClass(spec, loader, problems);
            if (handlerClass != null) {
                classes.put(spec.name(), handlerClass);
            }
            validateOptions(spec, handlerClass, names, loader, problems);
        }
        for (LoggerSpec logger : config.loggers()) {
            validateLogger(logger, problems);
        }
        findCycles(config, classes, problems);
        return new Result(classes, problems);
    }

    private static Class<? extends Handler> resolveClass(HandlerSpec spec, ClassLoader loader,
            List<ConfigProblem> problems) {
        DeclaredClass declared = DeclaredClass.named("handler", spec.type(), spec.className(), spec::key,
                HandlerTypes.names(), HandlerTypes::className, problems);
        if (declared == null || declared.byType() && !declared.inThisBuild(loader, problems)) {
            return null;
        }
        Class<? extends Handler> found = declared.concrete(Handler.class, loader, problems);
        if (found == null) {
            return null;
        }
        String key = declared.key();
        String value = declared.value();
        try {
            found.getConstructor();
        } catch (NoSuchMethodException e) {
            problems.add(new ConfigProblem(key, value, "has no public no-argument constructor"));
            return null;
        }
        HandlerTypes.Requirement missing = HandlerTypes.missingRequirement(found).orElse(null);
        if (missing != null) {
            problems.add(new ConfigProblem(key, value, (declared.byType() ? "type " + value : found.getName())
                    + " needs " + missing.library() + ", which is not on the class path: add " + missing.artifact()
                    + " to the application (WEB-INF/lib), or give it the server's " + missing.library()));
            return null;
        }
        return found;
    }

    private static void validateOptions(HandlerSpec spec, Class<? extends Handler> handlerClass, Set<String> names,
            ClassLoader loader, List<ConfigProblem> problems) {
        Map<String, Method> setters = handlerClass == null ? Map.of() : HandlerOptions.of(handlerClass);
        boolean queue = HandlerTypes.QUEUE.equals(spec.type());
        Set<String> accepted = new TreeSet<>(CommonOptions.ALL);
        accepted.addAll(setters.keySet());
        for (String group : ConfigKeys.PASS_THROUGH_GROUPS) {
            if (HandlerOptions.passThroughSetter(setters, group) != null) {
                accepted.add(group + ".<property>");
            }
        }
        if (queue) {
            accepted.addAll(CommonOptions.QUEUE_ONLY);
        }
        for (Map.Entry<String, String> option : spec.options().entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            String key = spec.key(name);
            String group = ConfigKeys.passThroughGroup(name);
            if (group != null && HandlerOptions.passThroughSetter(setters, group) != null) {
                continue; // handed to the client library as written; its setter checks it when the handler is built
            } else if (CommonOptions.isCommon(name, setters)) {
                validateCommon(spec, name, value, loader, problems);
            } else if (queue && CommonOptions.QUEUE_ONLY.contains(name)) {
                validateQueueOption(spec, name, value, problems);
            } else if (setters.containsKey(name)) {
                Class<?> argument = setters.get(name).getParameterTypes()[0];
                if (OptionValues.isHandlerReference(argument)) {
                    List<String> targets = argument.isArray() ? HandlerSpec.commaList(value) : List.of(value.trim());
                    if (targets.isEmpty() || targets.get(0).isEmpty()) {
                        problems.add(new ConfigProblem(key, value,
                                "accepted: " + HandlerReferences.accepted(argument)));
                    }
                    checkReferences(spec, name, targets, names, problems);
                } else {
                    try {
                        OptionValues.convert(value, argument, loader);
                    } catch (IllegalArgumentException e) {
                        problems.add(new ConfigProblem(key, value, e.getMessage()));
                    }
                }
            } else if (handlerClass != null) {
                problems.add(new ConfigProblem(key, value, "unknown option for "
                        + (spec.type() != null ? "type " + spec.type() : handlerClass.getName())
                        + "; accepted: " + String.join(", ", accepted) + Suggestions.didYouMean(name, accepted)));
            }
        }
        if (handlerClass != null) {
            HandlerTypes.requiredOptions(handlerClass).forEach((option, expected) -> {
                if (spec.option(option).isEmpty()) {
                    problems.add(new ConfigProblem(spec.key(option), null, expected));
                }
            });
        }
        if (queue && spec.option(CommonOptions.HANDLERS).isEmpty()) {
            problems.add(new ConfigProblem(spec.key(CommonOptions.HANDLERS), null,
                    "a queue needs the names of the handlers its listener passes records to"));
        }
        FormatterOption.validate(spec, loader, !CommonOptions.isCommon(CommonOptions.FORMAT, setters), problems);
    }

    private static void validateCommon(HandlerSpec spec, String name, String value, ClassLoader loader,
            List<ConfigProblem> problems) {
        String key = spec.key(name);
        try {
            switch (name) {
                case CommonOptions.LEVEL -> LevelOption.parse(value);
                case CommonOptions.ENABLED -> OptionValues.convert(value, boolean.class, loader);
                case CommonOptions.ENCODING -> OptionValues.convert(value, Charset.class, loader);
                case CommonOptions.FILTER -> OptionValues.convert(value, Filter.class, loader);
                case CommonOptions.RECORDS_FROM -> CommonOptions.onlyThisDeployment(value);
                case CommonOptions.LOGGERS -> {
                    List<String> loggers = HandlerSpec.commaList(value);
                    if (loggers.isEmpty() || (loggers.contains(CommonOptions.NO_LOGGERS) && loggers.size() > 1)) {
                        throw new IllegalArgumentException("accepted: a comma-separated list of logger names (root for"
                                + " the root logger), or none to attach the handler to no logger");
                    }
                }
                default -> {
                    // format, formatter and date-format are checked together by FormatterOption
                }
            }
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(key, value, e.getMessage()));
        }
    }

    private static void validateQueueOption(HandlerSpec spec, String name, String value,
            List<ConfigProblem> problems) {
        if (CommonOptions.EXECUTOR.equals(name) && value.isBlank()) {
            problems.add(new ConfigProblem(spec.key(name), value,
                    "accepted: the JNDI name of a ManagedExecutorService"));
        }
    }

    private static void checkReferences(HandlerSpec spec, String option, List<String> targets, Set<String> names,
            List<ConfigProblem> problems) {
        String value = spec.options().get(option);
        for (String target : targets) {
            if (target.equals(spec.name())) {
                problems.add(new ConfigProblem(spec.key(option), value, "a handler cannot pass records to itself"));
            } else if (!names.contains(target)) {
                problems.add(new ConfigProblem(spec.key(option), value, "no handler named " + target
                        + " is declared; declared: " + String.join(", ", names)
                        + Suggestions.didYouMean(target, names)));
            }
        }
    }

    private static void validateLogger(LoggerSpec logger, List<ConfigProblem> problems) {
        for (Map.Entry<String, String> option : logger.options().entrySet()) {
            String key = logger.key(option.getKey());
            String value = option.getValue();
            try {
                switch (option.getKey()) {
                    case "level" -> LevelOption.parse(value);
                    case "use-parent-handlers" -> OptionValues.convert(value, boolean.class, null);
                    default -> problems.add(new ConfigProblem(key, value, "unknown logger option; accepted: "
                            + String.join(", ", new TreeSet<>(LOGGER_OPTIONS))
                            + Suggestions.didYouMean(option.getKey(), LOGGER_OPTIONS)));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key, value, e.getMessage()));
            }
        }
    }

    private static void findCycles(LogHandlersConfig config, Map<String, Class<? extends Handler>> classes,
            List<ConfigProblem> problems) {
        Map<String, List<String>> edges = HandlerReferences.of(config, classes);
        Set<String> reported = new LinkedHashSet<>();
        for (String start : edges.keySet()) {
            List<String> cycle = HandlerReferences.cycleFrom(start, edges);
            if (cycle != null && reported.add(String.join(",", new TreeSet<>(cycle)))) {
                HandlerSpec spec = config.handler(start).orElseThrow();
                String option = HandlerReferences.referenceOption(spec, classes.get(start));
                problems.add(new ConfigProblem(spec.key(option), spec.options().get(option),
                        "handlers pass records to each other in a cycle: " + String.join(" -> ", cycle)));
            }
        }
    }
}
