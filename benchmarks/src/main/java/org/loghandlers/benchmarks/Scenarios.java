package org.loghandlers.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;

/** What the scenarios share: their names in messages, and the check of the LogManager a method runs under. */
final class Scenarios {

    private Scenarios() {
    }

    /** The benchmark method's name, such as {@code underJdkLogManager}. */
    static String method(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** {@code Class.method key=value ...}: the scenario as failure messages and the delivery lines name it. */
    static String describe(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
        StringBuilder scenario = new StringBuilder(className.substring(className.lastIndexOf('.') + 1))
                .append('.').append(method(params));
        for (String key : params.getParamsKeys()) {
            scenario.append(' ').append(key).append('=').append(params.getParam(key));
        }
        return scenario.toString();
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
