package org.loghandlers.config;

/** The property key scheme: {@code loghandlers.handler.<name>.<option>} and {@code loghandlers.logger."<name>".<option>}. */
public final class ConfigKeys {

    public static final String PREFIX = "loghandlers.";
    public static final String HANDLER_PREFIX = PREFIX + "handler.";
    public static final String LOGGER_PREFIX = PREFIX + "logger.";

    private ConfigKeys() {
    }

    public static String handlerKey(String handler, String option) {
        return HANDLER_PREFIX + quoteIfDotted(handler) + "." + option;
    }

    public static String loggerKey(String logger, String option) {
        return LOGGER_PREFIX + "\"" + logger + "\"." + option;
    }

    private static String quoteIfDotted(String name) {
        return name.contains(".") ? "\"" + name + "\"" : name;
    }

    /**
     * Splits what follows a prefix into a name and an option: the option is the last dot-separated part (options
     * never contain dots), the name everything before it, with surrounding quotes removed. Returns null when there
     * is no option or no name.
     */
    static String[] nameAndOption(String rest) {
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
}
