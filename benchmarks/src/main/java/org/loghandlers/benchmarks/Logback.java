package org.loghandlers.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;

/** Logback set up in code, on a private context, without SLF4J's static binding or any configuration file. */
final class Logback {

    private Logback() {
    }

    static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setName("benchmark");
        // Logback 1.5 expects SLF4J's initialisation to provide this; without it every append fails quietly.
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        return context;
    }

    static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path file, boolean immediateFlush) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(Workload.LOGBACK_PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setImmediateFlush(immediateFlush);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    static ch.qos.logback.classic.Logger workloadLogger(LoggerContext context, Appender<ILoggingEvent> appender) {
        ch.qos.logback.classic.Logger logger = context.getLogger(Workload.LOGGER_NAME);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);
        return logger;
    }
}
