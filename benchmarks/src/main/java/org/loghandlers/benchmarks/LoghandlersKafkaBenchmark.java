package org.loghandlers.benchmarks;

import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.loghandlers.handlers.KafkaHandler;
import org.loghandlers.handlers.QueueHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Our {@link KafkaHandler} on its defaults but where it sends (bootstrap servers and topic), as
 * {@code docs/handlers/kafka.adoc} documents them: {@code format=json}, {@code key=sender}, {@code max-block=100ms},
 * {@code close-timeout=5s}, and the producer's {@code acks=all}, idempotence, {@code linger.ms=20},
 * {@code batch.size=65536}, {@code compression.type=gzip}. {@code mode} is {@code direct} (the logging thread hands
 * the record to the producer) or {@code queued} (a {@link QueueHandler} on its defaults in front, the page's
 * no-blocking recipe). Under the JDK LogManager only, as the other network scenarios.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LoghandlersKafkaBenchmark extends KafkaScenario {

    @Param({"direct", "queued"})
    public String mode;

    private KafkaHandler handler;
    private QueueHandler queue;
    private Logger logger;

    @Override
    protected void open(String bootstrapServers, String topic) throws Exception {
        Scenarios.requireLogManagerOf(method());
        handler = new KafkaHandler();
        handler.setBootstrapServers(bootstrapServers);
        handler.setTopic(topic);
        // A running application's handler knows its topic: one record sent and flushed before the measurement has
        // the producer started and the topic's metadata fetched, as Log4j2's appender starts its producer in setup.
        LogRecord ready = new LogRecord(java.util.logging.Level.INFO, Workload.MESSAGE);
        ready.setLoggerName(Workload.LOGGER_NAME);
        handler.publish(ready);
        awaitRecordsInTopic(readyRecords());
        switch (mode) {
            case "direct":
                logger = WorkloadLogger.attach(handler);
                break;
            case "queued":
                queue = new QueueHandler(handler);
                logger = WorkloadLogger.attach(queue);
                break;
            default:
                throw new IllegalArgumentException("mode: '" + mode + "' is not a scenario; expected direct or"
                        + " queued");
        }
    }

    @Override
    protected long readyRecords() {
        return 1;
    }

    @Override
    protected void close() {
        if (queue != null) {
            WorkloadLogger.detach(logger, queue);
            queue.close();
            queue = null;
        } else {
            WorkloadLogger.detach(logger, handler);
        }
        handler.close();
    }

    @Benchmark
    public void underJdkLogManager(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
