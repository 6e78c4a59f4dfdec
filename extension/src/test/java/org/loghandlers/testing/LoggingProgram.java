package org.loghandlers.testing;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The program a user would write, run in its own JVM by {@link PlainJvm}: it knows nothing of loghandlers and only
 * logs. Arguments: the logger names (comma-separated), how many records, and the pause between records in
 * milliseconds. Record {@code i} is {@code record <i>} (two digits) at INFO when {@code i} is even, WARNING when odd.
 * Afterwards it prints a line {@code handler <class> <property>=<value> ...} per handler of those loggers, so a test
 * can check the options of handlers that write nothing it could read.
 */
public final class LoggingProgram {

    private LoggingProgram() {
    }

    public static void main(String[] args) throws Exception {
        String[] names = args[0].split(",");
        int count = Integer.parseInt(args[1]);
        long pauseMillis = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Logger[] loggers = new Logger[names.length];
        for (int i = 0; i < names.length; i++) {
            loggers[i] = Logger.getLogger(names[i]);
        }
        for (int i = 0; i < count; i++) {
            for (Logger logger : loggers) {
                logger.log(i % 2 == 0 ? Level.INFO : Level.WARNING, String.format("record %02d", i));
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        for (Logger logger : loggers) {
            for (Handler handler : logger.getHandlers()) {
                System.out.println("handler " + describe(handler));
            }
        }
    }

    private static String describe(Object bean) throws Exception {
        Map<String, Object> values = new TreeMap<>();
        for (PropertyDescriptor property : Introspector.getBeanInfo(bean.getClass()).getPropertyDescriptors()) {
            if (property.getReadMethod() != null && property.getWriteMethod() != null) {
                Object value = property.getReadMethod().invoke(bean);
                values.put(property.getName(), value instanceof java.util.logging.Formatter
                        ? value.getClass().getName() : value);
            }
        }
        StringBuilder out = new StringBuilder(bean.getClass().getName());
        values.forEach((name, value) -> out.append(' ').append(name).append('=').append(value));
        return out.toString();
    }
}
