package org.loghandlers.benchmarks;

import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Peer: Logback's {@code FileAppender}; durable is {@code immediateFlush=true} (its default). Default buffer. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LogbackFileAppenderBenchmark extends FileScenario {

    @Param({"durable", "buffered"})
    public String flush;

    private LoggerContext context;
    private ch.qos.logback.classic.Logger logger;

    @Override
    protected void open(Path directory) {
        context = Logback.context();
        logger = Logback.workloadLogger(context, Logback.fileAppender(context, directory.resolve("logback.log"),
                isDurable(flush)));
    }

    @Override
    protected void close() {
        context.stop();
    }

    @Override
    protected String describe() {
        return "flush=" + flush;
    }

    @Benchmark
    public void info(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
