package org.loghandlers.benchmarks;

import java.nio.file.Path;
import java.util.logging.Logger;

import org.loghandlers.handlers.FileHandler;
import org.loghandlers.handlers.OverflowPolicy;
import org.loghandlers.handlers.QueueHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Our {@link QueueHandler} (its default capacity, overflow {@code block}, no caller location) in front of our
 * {@link FileHandler}; durable and buffered are the file handler's {@code autoFlush}. Closing the queue handler
 * drains the queue into the file; the file handler is closed after it. Under both LogManagers.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LoghandlersQueueHandlerBenchmark extends FileScenario {

    @Param({"durable", "buffered"})
    public String flush;

    private FileHandler file;
    private QueueHandler handler;
    private Logger logger;

    @Override
    protected void open(Path directory) {
        Scenarios.requireLogManagerOf(method());
        file = forWorkload(new FileHandler(directory.resolve("app.log").toString()), flush);
        handler = new QueueHandler(QueueHandler.DEFAULT_CAPACITY, OverflowPolicy.BLOCK, file);
        handler.setCallerLocation(false);
        logger = WorkloadLogger.attach(handler);
    }

    @Override
    protected void close() {
        WorkloadLogger.detach(logger, handler);
        handler.close();
        file.close();
    }

    @Override
    protected String describe() {
        return "flush=" + flush;
    }

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
