package org.loghandlers.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.microprofile.config.Config;

import org.loghandlers.options.Suggestions;

/**
 * Reads every {@code loghandlers.*} property of a MicroProfile {@link Config} into plain specs. Keys are found from
 * all sources and each value is read back through the Config, so a system property or an environment variable
 * overrides a value declared in {@code microprofile-config.properties}. Keys that fit no scheme are problems.
 */
public final class ConfigReader {

    private ConfigReader() {
    }

    public static LogHandlersConfig read(Config config, List<ConfigProblem> problems) {
        TreeSet<String> keys = new TreeSet<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(ConfigKeys.PREFIX)) {
                keys.add(key);
            }
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : keys) {
            Optional<String> value = config.getOptionalValue(key, String.class);
            values.put(key, value.orElse(""));
        }
        return read(values, problems);
    }

    /** Reads already-resolved {@code key=value} pairs; keys not starting with {@code loghandlers.} are ignored. */
    public static LogHandlersConfig read(Map<String, String> properties, List<ConfigProblem> problems) {
        Map<String, Map<String, String>> handlerOptions = new TreeMap<>();
        Map<String, Map<String, String>> loggerOptions = new TreeMap<>();
        Map<String, Map<String, String>> receiverOptions = new TreeMap<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(properties).entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            if (!key.startsWith(ConfigKeys.PREFIX)) {
                continue;
            }
            if (key.startsWith(ConfigKeys.HANDLER_PREFIX)) {
                collect(key, value, ConfigKeys.HANDLER_PREFIX, handlerOptions, problems,
                        "a handler option: loghandlers.handler.<name>.<option>");
            } else if (key.startsWith(ConfigKeys.LOGGER_PREFIX)) {
                collect(key, value, ConfigKeys.LOGGER_PREFIX, loggerOptions, problems,
                        "a logger option: loghandlers.logger.\"<logger name>\".level");
            } else if (key.startsWith(ConfigKeys.RECEIVER_PREFIX)) {
                collectReceiver(key, value, receiverOptions, problems);
            } else {
                problems.add(unknownSection(key, value));
            }
        }
        List<HandlerSpec> handlers = new ArrayList<>();
        handlerOptions.forEach((name, options) -> {
            Map<String, String> rest = new TreeMap<>(options);
            String type = trimmed(rest.remove(CommonOptions.TYPE));
            String className = trimmed(rest.remove(CommonOptions.CLASS));
            handlers.add(new HandlerSpec(name, type, className, rest));
        });
        List<LoggerSpec> loggers = new ArrayList<>();
        loggerOptions.forEach((name, options) -> loggers.add(new LoggerSpec(name, options)));
        List<ReceiverSpec> receivers = new ArrayList<>();
        receiverOptions.forEach((name, options) -> {
            Map<String, String> rest = new TreeMap<>(options);
            String type = trimmed(rest.remove(CommonOptions.TYPE));
            String className = trimmed(rest.remove(CommonOptions.CLASS));
            receivers.add(new ReceiverSpec(name, type, className, rest));
        });
        return new LogHandlersConfig(handlers, loggers, receivers);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static void collect(String key, String value, String prefix, Map<String, Map<String, String>> into,
            List<ConfigProblem> problems, String expected) {
        String[] nameAndOption = ConfigKeys.nameAndOption(key.substring(prefix.length()));
        if (nameAndOption == null) {
            problems.add(new ConfigProblem(key, value, "not " + expected));
            return;
        }
        into.computeIfAbsent(nameAndOption[0], name -> new TreeMap<>()).put(nameAndOption[1], value);
    }

    private static void collectReceiver(String key, String value, Map<String, Map<String, String>> into,
            List<ConfigProblem> problems) {
        String[] nameAndOption = ConfigKeys.receiverNameAndOption(key.substring(ConfigKeys.RECEIVER_PREFIX.length()));
        if (nameAndOption == null) {
            problems.add(new ConfigProblem(key, value, "not a receiver option: loghandlers.receiver.<name>.<option>"
                    + " (a name with dots in quotes)"));
            return;
        }
        into.computeIfAbsent(nameAndOption[0], name -> new TreeMap<>()).put(nameAndOption[1], value);
    }

    private static ConfigProblem unknownSection(String key, String value) {
        String rest = key.substring(ConfigKeys.PREFIX.length());
        int dot = rest.indexOf('.');
        String section = dot < 0 ? rest : rest.substring(0, dot);
        String message = "unknown key; keys under loghandlers. start with loghandlers.handler., loghandlers.logger."
                + " or loghandlers.receiver.";
        Optional<String> suggestion = Suggestions.closest(section, List.of("handler", "logger", "receiver"));
        if (suggestion.isPresent() && dot >= 0) {
            message += "; did you mean " + ConfigKeys.PREFIX + suggestion.get() + rest.substring(dot) + "?";
        }
        return new ConfigProblem(key, value, message);
    }
}
