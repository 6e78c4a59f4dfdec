package org.loghandlers.benchmarks.selftest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.loghandlers.benchmarks.NetworkScenario;
import org.loghandlers.benchmarks.Producer;
import org.loghandlers.benchmarks.Wire;
import org.loghandlers.benchmarks.Workload;
import org.loghandlers.handlers.SocketHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not a measurement: a socket handler that silently drops one record in a thousand before it reaches TCP, so that
 * {@code run.sh --smoke} can see the count at the loopback sink fail a network benchmark. Excluded from the grid.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LosingSocketHandlerBenchmark extends NetworkScenario {

    private SocketHandler handler;
    private Logger logger;

    @Override
    protected Wire wire() {
        return Wire.TCP_LENGTH_PREFIXED;
    }

    @Override
    protected void open(int port) {
        handler = new OneInAThousandLost(port);
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

    private static final class OneInAThousandLost extends SocketHandler {

        private final AtomicLong published = new AtomicLong();

        OneInAThousandLost(int port) {
            super("127.0.0.1", port);
        }

        @Override
        public void publish(LogRecord record) {
            if (published.incrementAndGet() % 1000 != 0) {
                super.publish(record);
            }
        }
    }
}
