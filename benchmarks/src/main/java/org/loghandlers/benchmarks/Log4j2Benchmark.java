package org.loghandlers.benchmarks;

import java.nio.file.Path;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: Log4j2 to a {@code RandomAccessFile} appender, with synchronous loggers ({@code sync}) or all-async loggers
 * ({@code async}: an {@code AsyncLoggerContext} on LMAX Disruptor 3.4.4, its default ring and wait strategy,
 * blocking when full); durable is {@code immediateFlush=true}. Stopping the context drains the ring buffer.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class Log4j2Benchmark extends FileScenario {

    @Param({"sync", "async"})
    public String loggers;

    @Param({"durable", "buffered"})
    public String flush;

    private LoggerContext context;
    private Logger logger;

    @Override
    protected void open(Path directory) {
        boolean async;
        switch (loggers) {
            case "sync":
                async = false;
                break;
            case "async":
                async = true;
                break;
            default:
                throw new IllegalArgumentException("loggers: '" + loggers + "' is not a scenario; expected sync or"
                        + " async");
        }
        context = Log4j2.start(directory.resolve("log4j2.log"), isDurable(flush), async);
        logger = context.getLogger(Workload.LOGGER_NAME);
    }

    @Override
    protected void close() {
        Log4j2.stop(context);
    }

    @Benchmark
    public void info(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
