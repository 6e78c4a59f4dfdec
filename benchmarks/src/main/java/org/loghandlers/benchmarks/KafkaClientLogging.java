package org.loghandlers.benchmarks;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Keeps kafka-clients' own logging out of the measurement. It logs through SLF4J, which on this class path binds
 * to Logback; Logback without a configuration file prints everything at DEBUG to the console, the client's
 * per-request lines included. The fork keeps warnings and errors, but for the network client's warnings while the
 * broker starts (each attempt to connect before it listens).
 */
final class KafkaClientLogging {

    private KafkaClientLogging() {
    }

    static void quiet() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof ch.qos.logback.classic.LoggerContext) {
            ch.qos.logback.classic.LoggerContext logback = (ch.qos.logback.classic.LoggerContext) factory;
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
            logback.getLogger("org.apache.kafka.clients.NetworkClient").setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
