package org.loghandlers.benchmarks;

import java.nio.file.Path;
import java.util.logging.Logger;

import org.loghandlers.format.PythonFormatter;
import org.loghandlers.handlers.FileHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A call below the logger's level ({@code fine} on a logger at INFO) in front of our {@link FileHandler}: it must
 * cost next to nothing and allocate nothing (see B/op), and the delivery check expects an empty file.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class BelowLevelBenchmark extends FileScenario {

    private FileHandler handler;
    private Logger logger;

    @Override
    protected void open(Path directory) {
        Scenarios.requireLogManagerOf(method());
        handler = new FileHandler(directory.resolve("app.log").toString());
        handler.setFormatter(new PythonFormatter(Workload.PYTHON_FORMAT));
        logger = WorkloadLogger.attach(handler);
    }

    @Override
    protected void close() {
        WorkloadLogger.detach(logger, handler);
        handler.close();
    }

    @Override
    protected long linesPerCall() {
        return 0;
    }

    @Benchmark
    public void underJdkLogManager(Producer producer) {
        logger.fine(Workload.MESSAGE);
        producer.called();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = Workload.JBOSS_LOG_MANAGER)
    public void underJbossLogManager(Producer producer) {
        logger.fine(Workload.MESSAGE);
        producer.called();
    }
}
