package org.loghandlers.benchmarks.selftest;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.loghandlers.benchmarks.FileScenario;
import org.loghandlers.benchmarks.Producer;
import org.loghandlers.benchmarks.Workload;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.handlers.FileHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not a measurement: a handler that silently drops one record in a thousand, so that {@code run.sh --smoke} can
 * see the delivery check fail a benchmark run. Excluded from the grid.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LosingHandlerBenchmark extends FileScenario {

    private FileHandler handler;
    private Logger logger;

    @Override
    protected void open(Path directory) {
        handler = new OneInAThousandLost(directory.resolve("app.log").toString());
        handler.setAutoFlush(false);
        handler.setFormatter(new PythonFormatter(Workload.PYTHON_FORMAT));
        logger = Logger.getLogger(Workload.LOGGER_NAME);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @Override
    protected void close() {
        logger.removeHandler(handler);
        handler.close();
    }

    @Benchmark
    public void info(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }

    private static final class OneInAThousandLost extends FileHandler {

        private final AtomicLong published = new AtomicLong();

        OneInAThousandLost(String fileName) {
            super(fileName);
        }

        @Override
        public void publish(LogRecord record) {
            if (published.incrementAndGet() % 1000 != 0) {
                super.publish(record);
            }
        }
    }
}
