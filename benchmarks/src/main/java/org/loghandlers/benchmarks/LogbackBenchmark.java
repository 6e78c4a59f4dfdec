package org.loghandlers.benchmarks;

import java.nio.file.Path;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: Logback's {@code FileAppender} ({@code file}; default buffer), or its {@code AsyncAppender} in front of it
 * ({@code async}: queue of 256, {@code discardingThreshold=0} so that no INFO record is dropped, blocking when
 * full); durable is {@code immediateFlush=true} (its default). Stopping drains the queue.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LogbackBenchmark extends FileScenario {

    @Param({"file", "async"})
    public String appender;

    @Param({"durable", "buffered"})
    public String flush;

    private LoggerContext context;
    private AsyncAppender async;
    private ch.qos.logback.classic.Logger logger;

    @Override
    protected void open(Path directory) {
        context = Logback.context();
        Appender<ILoggingEvent> file = Logback.fileAppender(context, directory.resolve("logback.log"),
                isDurable(flush));
        switch (appender) {
            case "file":
                logger = Logback.workloadLogger(context, file);
                break;
            case "async":
                async = new AsyncAppender();
                async.setContext(context);
                async.setName("async");
                async.setQueueSize(256);
                async.setDiscardingThreshold(0);
                async.setNeverBlock(false);
                async.setIncludeCallerData(false);
                async.setMaxFlushTime(60_000);
                async.addAppender(file);
                async.start();
                logger = Logback.workloadLogger(context, async);
                break;
            default:
                throw new IllegalArgumentException("appender: '" + appender + "' is not a scenario; expected file or"
                        + " async");
        }
    }

    @Override
    protected void close() {
        if (async != null) {
            async.stop();
        }
        context.stop();
    }

    @Benchmark
    public void info(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
