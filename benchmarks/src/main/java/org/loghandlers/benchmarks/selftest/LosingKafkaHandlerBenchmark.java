package org.loghandlers.benchmarks.selftest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.loghandlers.benchmarks.KafkaScenario;
import org.loghandlers.benchmarks.Producer;
import org.loghandlers.benchmarks.Workload;
import org.loghandlers.handlers.KafkaHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not a measurement: a Kafka handler that silently drops one record in a thousand before it reaches the producer,
 * so that the count a consumer makes of the topic can be seen to fail a Kafka benchmark. Excluded from the grid.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LosingKafkaHandlerBenchmark extends KafkaScenario {

    private KafkaHandler handler;
    private Logger logger;

    @Override
    protected void open(String bootstrapServers, String topic) {
        handler = new OneInAThousandLost();
        handler.setBootstrapServers(bootstrapServers);
        handler.setTopic(topic);
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

    private static final class OneInAThousandLost extends KafkaHandler {

        private final AtomicLong published = new AtomicLong();

        @Override
        public void publish(LogRecord record) {
            if (published.incrementAndGet() % 1000 != 0) {
                super.publish(record);
            }
        }
    }
}
