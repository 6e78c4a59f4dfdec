package org.loghandlers.config;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/** The option keys every handler accepts, whatever its type, and those that only {@code queue} adds. */
public final class CommonOptions {

    public static final String TYPE = "type";
    public static final String CLASS = "class";
    public static final String LEVEL = "level";
    public static final String FORMAT = "format";
    public static final String FORMATTER = "formatter";
    public static final String DATE_FORMAT = "date-format";
    public static final String ENCODING = "encoding";
    public static final String FILTER = "filter";
    public static final String ENABLED = "enabled";
    public static final String LOGGERS = "loggers";
    /**
     * Which records a handler on a logger takes: {@code deployment} (the default), those logged in this deployment;
     * {@code all}, every record the logger sees, the server's and other deployments' included.
     */
    public static final String RECORDS_FROM = "records-from";
    public static final String RECORDS_FROM_DEPLOYMENT = "deployment";
    public static final String RECORDS_FROM_ALL = "all";

    /** {@code queue}: the names of the handlers its listener hands records to (its {@code setHandlers}). */
    public static final String HANDLERS = "handlers";
    /** {@code queue}: JNDI name of the ManagedExecutorService its listener runs on (not its {@code setExecutor}). */
    public static final String EXECUTOR = "executor";

    /** The value of {@code loggers} that attaches a handler to no logger. */
    public static final String NO_LOGGERS = "none";

    static final List<String> ALL = List.of(TYPE, CLASS, LEVEL, FORMAT, FORMATTER, DATE_FORMAT, ENCODING, FILTER,
            ENABLED, LOGGERS, RECORDS_FROM);

    static final List<String> QUEUE_ONLY = List.of(EXECUTOR);

    private CommonOptions() {
    }

    /**
     * Whether {@code name} is a common key for a handler with these {@code setters}: {@code format} belongs to a
     * handler that has an option of that name (a network handler's payload, such as {@code format=json}), and is a
     * Python format string for every other handler.
     */
    static boolean isCommon(String name, Map<String, Method> setters) {
        return ALL.contains(name) && !(FORMAT.equals(name) && setters.containsKey(FORMAT));
    }

    /** Whether {@code records-from} ({@code value} null for the default) keeps only this deployment's records. */
    public static boolean onlyThisDeployment(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        String wanted = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (wanted.equals(RECORDS_FROM_DEPLOYMENT)) {
            return true;
        }
        if (wanted.equals(RECORDS_FROM_ALL)) {
            return false;
        }
        throw new IllegalArgumentException("accepted: " + RECORDS_FROM_DEPLOYMENT + " (only the records logged in"
                + " this deployment) or " + RECORDS_FROM_ALL + " (every record of the logger, the server's and other"
                + " deployments' included)");
    }
}
