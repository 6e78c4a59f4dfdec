package org.loghandlers.benchmarks;

import java.util.logging.Logger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A file scenario of ours measured under both LogManagers, in a fork of each: the JDK's and JBoss LogManager's. A
 * subclass sets {@link #logger} up in {@link #open}; the two benchmark methods, which JMH runs for every subclass
 * under the subclass's name, log the workload's record through it.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public abstract class OursUnderBothLogManagers extends FileScenario {

    /** The workload's logger, with the scenario's handler attached; set by {@link #open}. */
    protected Logger logger;

    @Benchmark
    public void underJdkLogManager(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = Workload.JBOSS_LOG_MANAGER)
    public void underJbossLogManager(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
