package org.loghandlers.benchmarks;

/** Checks shared by the scenarios that run one method per LogManager. */
final class Scenarios {

    private Scenarios() {
    }

    /** A method named {@code ...JbossLogManager} must run under JBoss LogManager, any other under the JDK's. */
    static void requireLogManagerOf(String method) {
        if (method.endsWith("JbossLogManager")) {
            WorkloadLogger.requireJbossLogManager();
        } else {
            WorkloadLogger.requireJdkLogManager();
        }
    }
}
