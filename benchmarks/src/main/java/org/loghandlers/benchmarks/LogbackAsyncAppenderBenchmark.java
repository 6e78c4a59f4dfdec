package org.loghandlers.benchmarks;

import java.nio.file.Path;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: Logback's {@code AsyncAppender} (queue of 256, {@code discardingThreshold=0} so that no INFO record is
 * dropped, blocking when full) in front of its {@code FileAppender}. Stopping it drains the queue.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LogbackAsyncAppenderBenchmark extends FileScenario {

    @Param({"durable", "buffered"})
    public String flush;

    private LoggerContext context;
    private AsyncAppender async;
    private ch.qos.logback.classic.Logger logger;

    @Override
    protected void open(Path directory) {
        context = Logback.context();
        async = new AsyncAppender();
        async.setContext(context);
        async.setName("async");
        async.setQueueSize(256);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(false);
        async.setIncludeCallerData(false);
        async.setMaxFlushTime(60_000);
        async.addAppender(Logback.fileAppender(context, directory.resolve("logback.log"), isDurable(flush)));
        async.start();
        logger = Logback.workloadLogger(context, async);
    }

    @Override
    protected void close() {
        async.stop();
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
