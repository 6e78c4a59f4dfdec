package org.loghandlers.options;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.LogManager;

/**
 * Reads a handler's or formatter's options from the JDK's {@code logging.properties}, as the JDK's own handlers do:
 * {@code <runtime class name>.<property>} for each of its JavaBean setters, {@code level}, {@code filter},
 * {@code formatter} (class names) and {@code encoding} included. The handlers' and formatters' no-argument
 * constructors call it last, so a one-line subclass reads its own name, and setters called afterwards (JBoss
 * LogManager's configurator, WildFly, the CDI extension) win.
 *
 * <p>Values are converted by {@link OptionValues}, as MicroProfile Config values are. A value that does not convert
 * or that the setter refuses is reported in one line on {@code System.err} (the JDK has no other channel while it
 * builds handlers) and the option keeps its default. Options that take other handlers (a memory handler's
 * {@code target}, a queue's {@code handlers}) cannot be written in this format and are reported, not applied.
 *
 * <p>Handlers an application declares in MicroProfile Config are built with {@link #ignoredWhile}: on a server whose
 * {@code logging.properties} configures our classes for server-wide handlers, an application's handler must not
 * take the server's file name or sizes for the options its own configuration leaves at their defaults.
 */
public final class LogManagerProperties {

    /** Set while a configuration of ours builds handlers; holds only a JDK type, so it pins no class loader. */
    private static final ThreadLocal<Boolean> IGNORED = new ThreadLocal<>();

    private LogManagerProperties() {
    }

    /** Runs {@code build} on this thread with {@link #configure} doing nothing, and returns what it made. */
    public static <T> T ignoredWhile(Supplier<T> build) {
        Boolean outer = IGNORED.get();
        IGNORED.set(Boolean.TRUE);
        try {
            return build.get();
        } finally {
            if (outer == null) {
                IGNORED.remove();
            }
        }
    }

    /** Applies every {@code <class>.<property>} the LogManager has for {@code bean}'s runtime class. */
    public static void configure(Object bean) {
        if (IGNORED.get() != null) {
            return;
        }
        LogManager manager = LogManager.getLogManager();
        Class<?> type = bean.getClass();
        for (Map.Entry<String, Method> setter : BeanSetters.of(type).entrySet()) {
            String key = type.getName() + "." + setter.getKey();
            String text = manager.getProperty(key);
            if (text != null) {
                apply(bean, setter.getValue(), key, text);
            }
        }
    }

    private static void apply(Object bean, Method setter, String key, String text) {
        Class<?> argument = setter.getParameterTypes()[0];
        if (OptionValues.isHandlerReference(argument)) {
            report(key, text, "a handler-typed option cannot be set in logging.properties; configure it in Java,"
                    + " through MicroProfile Config or JBoss LogManager's logging.properties");
            return;
        }
        Object value;
        try {
            value = OptionValues.convert(text, argument, bean.getClass().getClassLoader());
        } catch (IllegalArgumentException e) {
            report(key, text, e.getMessage());
            return;
        }
        try {
            setter.invoke(bean, value);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof IllegalArgumentException ? cause.getMessage() : cause.toString();
            report(key, text, "refused by " + setter.getDeclaringClass().getSimpleName() + "." + setter.getName()
                    + ": " + message);
        } catch (IllegalAccessException e) {
            report(key, text, e.toString());
        }
    }

    private static void report(String key, String text, String message) {
        System.err.println("loghandlers: logging.properties: " + key + "=" + Secrets.shown(key, text) + ": " + message
                + "; keeping the default");
    }
}
