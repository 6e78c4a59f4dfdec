package org.loghandlers.config;

import java.util.Set;

/**
 * The property key scheme: {@code loghandlers.handler.<name>.<option>}, {@code loghandlers.logger."<name>".<option>}
 * and {@code loghandlers.receiver.<name>.<option>}. A handler's options have no dots, except those of a pass-through
 * group: {@code loghandlers.handler.central.kafka.linger.ms} is option {@code kafka.linger.ms} of handler
 * {@code central}, a property handed as it is to the Kafka client.
 */
public final class ConfigKeys {

    public static final String PREFIX = "loghandlers.";
    public static final String HANDLER_PREFIX = PREFIX + "handler.";
    public static final String LOGGER_PREFIX = PREFIX + "logger.";
    public static final String RECEIVER_PREFIX = PREFIX + "receiver.";

    /** The first word of the options whose names carry dots: a property for the client library behind a handler. */
    static final Set<String> PASS_THROUGH_GROUPS = Set.of("kafka");

    private ConfigKeys() {
    }

    /** The group of a pass-through option ({@code kafka} for {@code kafka.linger.ms}), or null for other options. */
    static String passThroughGroup(String option) {
        int dot = option.indexOf('.');
        if (dot <= 0 || dot == option.length() - 1) {
            return null;
        }
        String group = option.substring(0, dot);
        return PASS_THROUGH_GROUPS.contains(group) ? group : null;
    }

    public static String handlerKey(String handler, String option) {
        return HANDLER_PREFIX + quoteIfDotted(handler) + "." + option;
    }

    public static String receiverKey(String receiver, String option) {
        return RECEIVER_PREFIX + quoteIfDotted(receiver) + "." + option;
    }

    public static String loggerKey(String logger, String option) {
        return LOGGER_PREFIX + "\"" + logger + "\"." + option;
    }

    private static String quoteIfDotted(String name) {
        return name.contains(".") ? "\"" + name + "\"" : name;
    }

    /**
     * Splits what follows a prefix into a name and an option: the option is the last dot-separated part, the name
     * everything before it, with surrounding quotes removed; except that a pass-through option
     * ({@code kafka.linger.ms}) follows a quoted name or a name without dots whole. Returns null when there is no
     * option or no name.
     */
    static String[] nameAndOption(String rest) {
        String[] passThrough = passThroughNameAndOption(rest);
        if (passThrough != null) {
            return passThrough;
        }
        int lastDot = rest.lastIndexOf('.');
        if (lastDot <= 0 || lastDot == rest.length() - 1) {
            return null;
        }
        String name = rest.substring(0, lastDot);
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return new String[] {name, rest.substring(lastDot + 1)};
    }

    private static String[] passThroughNameAndOption(String rest) {
        int end;
        String name;
        if (rest.startsWith("\"")) {
            end = rest.indexOf('"', 1) + 1;
            if (end <= 2 || end >= rest.length() || rest.charAt(end) != '.') {
                return null;
            }
            name = rest.substring(1, end - 1);
        } else {
            end = rest.indexOf('.');
            if (end <= 0) {
                return null;
            }
            name = rest.substring(0, end);
        }
        String option = rest.substring(end + 1);
        return passThroughGroup(option) != null ? new String[] {name, option} : null;
    }

    /**
     * Splits what follows {@link #RECEIVER_PREFIX} into a name and an option. Unlike a handler's, a receiver's option
     * may contain dots (a Kafka receiver passes {@code kafka.<consumer property>} through), so the name is the first
     * dot-separated part, or a quoted name that contains dots. Returns null when there is no option or no name.
     */
    static String[] receiverNameAndOption(String rest) {
        String name;
        int optionStart;
        if (rest.startsWith("\"")) {
            int close = rest.indexOf("\".", 1);
            if (close < 0) {
                return null;
            }
            name = rest.substring(1, close);
            optionStart = close + 2;
        } else {
            int dot = rest.indexOf('.');
            if (dot < 0) {
                return null;
            }
            name = rest.substring(0, dot);
            optionStart = dot + 1;
        }
        if (name.isEmpty() || optionStart >= rest.length()) {
            return null;
        }
        return new String[] {name, rest.substring(optionStart)};
    }
}
