package org.loghandlers.benchmarks;

import java.nio.file.Path;
import java.util.logging.Logger;

import org.loghandlers.handlers.FileHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Our {@link FileHandler}: durable is its default (a flush per record), buffered is {@code autoFlush=false}. Run under
 * the JDK LogManager (as in Payara) and under JBoss LogManager (as in WildFly).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LoghandlersFileHandlerBenchmark extends FileScenario {

    @Param({"durable", "buffered"})
    public String flush;

    private FileHandler handler;
    private Logger logger;

    @Override
    protected void open(Path directory) {
        Scenarios.requireLogManagerOf(method());
        handler = forWorkload(new FileHandler(directory.resolve("app.log").toString()), flush);
        logger = WorkloadLogger.attach(handler);
    }

    @Override
    protected void close() {
        WorkloadLogger.detach(logger, handler);
        handler.close();
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
