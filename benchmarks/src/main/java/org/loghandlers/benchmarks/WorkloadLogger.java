package org.loghandlers.benchmarks;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The workload's {@code java.util.logging} logger, under whichever LogManager the fork runs. */
final class WorkloadLogger {

    private WorkloadLogger() {
    }

    /** The workload logger at INFO with {@code handler} as its only handler; keep the reference while logging. */
    static Logger attach(Handler handler) {
        Logger logger = Logger.getLogger(Workload.LOGGER_NAME);
        for (Handler old : logger.getHandlers()) {
            logger.removeHandler(old);
        }
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
        logger.addHandler(handler);
        return logger;
    }

    /** Detaches {@code handler}; the caller closes it. */
    static void detach(Logger logger, Handler handler) {
        logger.removeHandler(handler);
    }

    /** Fails the fork unless it runs JBoss LogManager, so that a WildFly-like figure is never a JDK one. */
    static void requireJbossLogManager() {
        String manager = LogManager.getLogManager().getClass().getName();
        if (!manager.equals("org.jboss.logmanager.LogManager")) {
            throw new IllegalStateException("this scenario must run under JBoss LogManager ("
                    + Workload.JBOSS_LOG_MANAGER + ") but the fork runs " + manager);
        }
    }

    /** Fails the fork unless it runs the JDK's LogManager, so that a Payara-like figure is never a JBoss one. */
    static void requireJdkLogManager() {
        String manager = LogManager.getLogManager().getClass().getName();
        if (!manager.equals("java.util.logging.LogManager")) {
            throw new IllegalStateException("this scenario must run under the JDK LogManager but the fork runs "
                    + manager);
        }
    }
}
