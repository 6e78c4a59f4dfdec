package org.loghandlers.benchmarks;

import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: Log4j2's {@code Kafka} appender (log4j-core), on synchronous loggers and its defaults but the
 * {@code bootstrap.servers} property and the topic, with {@code JsonTemplateLayout} on its default template (the
 * layout comparable to our {@code format=json}). Its defaults: {@code syncSend=true} (each call waits until Kafka
 * has acknowledged its record, up to {@code request.timeout.ms}), {@code batch.size=0} (set by the appender: no
 * batching), Kafka's producer defaults otherwise ({@code acks=all}, idempotence, {@code linger.ms=5}, no
 * compression). {@code syncSend} is {@code true} (what its users get by default) or {@code false} (the send is
 * handed to the producer and its failure only logged, the comparable discipline to ours).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class Log4j2KafkaBenchmark extends KafkaScenario {

    @Param({"true", "false"})
    public String syncSend;

    private LoggerContext context;
    private Logger logger;

    @Override
    protected void open(String bootstrapServers, String topic) {
        if (!syncSend.equals("true") && !syncSend.equals("false")) {
            throw new IllegalArgumentException("syncSend: '" + syncSend + "' is not a scenario; expected true or"
                    + " false");
        }
        context = Log4j2.start(false, builder -> builder.newAppender(Log4j2.APPENDER, "Kafka")
                .addAttribute("topic", topic)
                .addAttribute("syncSend", Boolean.parseBoolean(syncSend))
                .addComponent(builder.newProperty("bootstrap.servers", bootstrapServers))
                .add(builder.newLayout("JsonTemplateLayout")));
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
