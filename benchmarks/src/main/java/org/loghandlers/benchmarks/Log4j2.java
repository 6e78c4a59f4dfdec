package org.loghandlers.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Log4j2 set up in code on a private context: a RandomAccessFile appender, with plain or all-async loggers; or a
 * network appender.
 */
final class Log4j2 {

    /** The name every appender built here has, which the root logger refers to. */
    static final String APPENDER = "out";

    private Log4j2() {
    }

    /** A started context whose loggers write {@code file}; {@code async} makes every logger an async logger. */
    static LoggerContext start(Path file, boolean immediateFlush, boolean async) {
        return start(async, builder -> builder.newAppender(APPENDER, "RandomAccessFile")
                .addAttribute("fileName", file.toString())
                .addAttribute("append", true)
                .addAttribute("immediateFlush", immediateFlush)
                .add(builder.newLayout("PatternLayout")
                        .addAttribute("pattern", Workload.LOG4J2_PATTERN)
                        .addAttribute("charset", "UTF-8")));
    }

    /**
     * A started context with plain ({@code async} false) or all-async loggers whose root logger at INFO sends to the one appender
     * {@code appender} builds (named {@link #APPENDER}).
     */
    static LoggerContext start(boolean async,
            Function<ConfigurationBuilder<BuiltConfiguration>, AppenderComponentBuilder> appender) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("benchmark");
        builder.setStatusLevel(Level.WARN);
        builder.add(appender.apply(builder));
        builder.add(builder.newRootLogger(Level.INFO).add(builder.newAppenderRef(APPENDER)));
        LoggerContext context = async ? new AsyncLoggerContext("benchmark") : new LoggerContext("benchmark");
        builder.setLoggerContext(context);
        context.start(builder.build());
        return context;
    }

    /** Stops the context; an async context first waits for its ring buffer to drain. */
    static void stop(LoggerContext context) {
        if (!context.stop(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Log4j2 did not stop within 5 minutes");
        }
    }
}
