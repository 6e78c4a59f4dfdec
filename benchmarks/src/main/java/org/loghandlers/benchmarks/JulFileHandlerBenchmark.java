package org.loghandlers.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Logger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: the JDK's {@code java.util.logging.FileHandler} with the workload's formatter (SimpleFormatter has no thread
 * name and writes two lines a record). It flushes every record and has no buffered mode.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class JulFileHandlerBenchmark extends FileScenario {

    @Param("durable")
    public String flush;

    private FileHandler handler;
    private Logger logger;

    @Override
    protected void open(Path directory) throws IOException {
        isDurable(flush);
        WorkloadLogger.requireJdkLogManager();
        handler = new FileHandler(directory.resolve("jul.log").toString(), true);
        handler.setEncoding(StandardCharsets.UTF_8.name());
        handler.setFormatter(new WorkloadFormatter());
        logger = WorkloadLogger.attach(handler);
    }

    @Override
    protected void close() {
        WorkloadLogger.detach(logger, handler);
        handler.close();
    }

    @Benchmark
    public void info(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
