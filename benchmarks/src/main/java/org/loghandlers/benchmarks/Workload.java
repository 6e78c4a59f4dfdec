package org.loghandlers.benchmarks;

import java.util.regex.Pattern;

/**
 * The one workload every scenario runs: a logger at INFO named {@link #LOGGER_NAME}, the message {@link #MESSAGE},
 * one line per record in the layout {@code yyyy-MM-dd HH:mm:ss,SSS LEVEL [thread] logger - message}, UTF-8, no
 * caller location. Producer threads are named {@code bench-worker-N} so that every peer writes lines of the same
 * length (108 bytes), whatever the benchmark class is called.
 */
public final class Workload {

    public static final String LOGGER_NAME = "org.loghandlers.benchmarks.Workload";
    public static final String MESSAGE = "This is a debug message";
    public static final String THREAD_NAME_PREFIX = "bench-worker-";

    /** The layout in Python's {@code %}-style, for our {@code PythonFormatter}. */
    public static final String PYTHON_FORMAT = "%(asctime)s %(levelname)s [%(threadName)s] %(name)s - %(message)s";
    /** The layout in Log4j2's pattern language. */
    public static final String LOG4J2_PATTERN = "%d{yyyy-MM-dd HH:mm:ss,SSS} %p [%t] %c - %m%n";
    /** The layout in Logback's: the date pattern is quoted because Logback reads a bare comma as a separator. */
    public static final String LOGBACK_PATTERN = "%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} %level [%thread] %logger - %msg%n";
    /** The layout in JBoss LogManager's: {@code %s} is the message without an exception trace. */
    public static final String JBOSS_PATTERN = "%d{yyyy-MM-dd HH:mm:ss,SSS} %p [%t] %c - %s%n";

    /** What every delivered line must look like, whichever library wrote it. */
    public static final Pattern LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO \\["
            + THREAD_NAME_PREFIX + "\\d+\\] " + Pattern.quote(LOGGER_NAME) + " - " + Pattern.quote(MESSAGE));

    /**
     * The JVM option that keeps the JDK's LogManager in a fork: jboss-logmanager is on the benchmark class path, and
     * its {@code System.LoggerFinder} would otherwise install JBoss LogManager if anything asks for a system logger
     * before {@code java.util.logging} starts.
     */
    public static final String JDK_LOG_MANAGER = "-Djava.util.logging.manager=java.util.logging.LogManager";

    /** The JVM option that makes JBoss LogManager the {@code java.util.logging} manager of a fork. */
    public static final String JBOSS_LOG_MANAGER = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    private Workload() {
    }
}
