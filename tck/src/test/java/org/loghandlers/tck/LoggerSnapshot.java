package org.loghandlers.tck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The handlers, level and parent-handler flag of every logger the log manager knows, to compare before and after. */
record LoggerSnapshot(Map<String, String> loggers) {

    static LoggerSnapshot take() {
        Map<String, String> loggers = new LinkedHashMap<>();
        List<String> names = java.util.Collections.list(LogManager.getLogManager().getLoggerNames());
        names.sort(null);
        for (String name : names) {
            Logger logger = LogManager.getLogManager().getLogger(name);
            if (logger == null) {
                continue;
            }
            StringBuilder state = new StringBuilder();
            Level level = logger.getLevel();
            state.append("level=").append(level).append(" parentHandlers=").append(logger.getUseParentHandlers());
            for (Handler handler : logger.getHandlers()) {
                state.append(' ').append(handler.getClass().getName()).append('@')
                        .append(System.identityHashCode(handler));
            }
            loggers.put(name, state.toString());
        }
        return new LoggerSnapshot(loggers);
    }

    /** Whether any logger holds a handler of a class loaded for loghandlers (ours or the test's). */
    static boolean anyLoggerHoldsOurHandlers() {
        for (String name : java.util.Collections.list(LogManager.getLogManager().getLoggerNames())) {
            Logger logger = LogManager.getLogManager().getLogger(name);
            if (logger != null) {
                for (Handler handler : logger.getHandlers()) {
                    if (handler.getClass().getName().startsWith("org.loghandlers.")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** What changed for the loggers present in both snapshots (new loggers created meanwhile are left out). */
    Map<String, String> differencesFrom(LoggerSnapshot before) {
        Map<String, String> differences = new LinkedHashMap<>();
        before.loggers.forEach((name, state) -> {
            String now = loggers.get(name);
            if (now != null && !now.equals(state)) {
                differences.put(name, state + " -> " + now);
            }
        });
        return differences;
    }
}
