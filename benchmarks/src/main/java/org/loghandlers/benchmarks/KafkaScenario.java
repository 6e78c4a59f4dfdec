package org.loghandlers.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.loghandlers.testing.KafkaBroker;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A scenario that sends the {@link Workload} to Kafka: each trial starts a real single-node broker (KRaft, a child
 * JVM with {@code -Xmx512m} on loopback, {@link KafkaBroker}); each iteration creates a fresh topic of one partition
 * and a handler or appender sending to it. After the iteration it closes the sender (which delivers what it still
 * buffers), reads the topic back from its beginning with a plain consumer ({@link TopicCount}), and has
 * {@link KafkaDeliveryCheck} compare the records with the calls made; then it deletes the topic. Each iteration
 * prints one {@code delivery:} line with the counts. The figure JMH reports is calls per second, and it counts only
 * because every call's record was then read back from the topic.
 */
@State(Scope.Benchmark)
public abstract class KafkaScenario {

    /** How long reading an iteration's topic back may take (a few million records: seconds). */
    static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(5);

    private KafkaBroker broker;
    private Path brokerDir;
    private Delivery delivery;
    private String scenario = "";
    private String method = "";
    private String topic;
    private int topics;
    private int warmups;
    private int measurements;

    @Setup(Level.Trial)
    public void startBroker() throws Exception {
        KafkaClientLogging.quiet();
        BrokerClassPath.install();
        brokerDir = Files.createTempDirectory(Files.createDirectories(Delivery.ROOT), "loghandlers-kafka-");
        // A failed iteration ends the fork without the trial's teardown (-foe true): the broker must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopBrokerAtExit, "kafka-broker-stop"));
        broker = KafkaBroker.startNew(brokerDir.resolve("broker"));
    }

    @Setup(Level.Iteration)
    public void openTopicAndSender(Delivery delivery, BenchmarkParams params) throws Exception {
        this.delivery = delivery;
        scenario = Scenarios.describe(params);
        method = Scenarios.method(params);
        topic = "bench-" + ++topics;
        broker.createTopic(topic, 1);
        open(broker.bootstrapServers(), topic);
    }

    @TearDown(Level.Iteration)
    public void closeAndCountAtTheConsumer(IterationParams iteration) throws Exception {
        String which = iteration.getType() == IterationType.WARMUP ? "warmup iteration " + ++warmups
                : "measurement iteration " + ++measurements;
        try {
            close();
            long calls = delivery.callsThisIteration() + readyRecords();
            TopicCount count = TopicCount.read(broker.bootstrapServers(), topic, CONSUME_TIMEOUT);
            System.out.println(KafkaDeliveryCheck.verify(scenario + ", " + which, calls, count));
        } finally {
            deleteTopic();
        }
    }

    @TearDown(Level.Trial)
    public synchronized void stopBroker() throws Exception {
        try {
            if (broker != null) {
                broker.stop();
                broker = null;
            }
        } finally {
            if (brokerDir != null) {
                new DeliveryCheck("the broker's directory", brokerDir).deleteDirectory();
            }
        }
    }

    private void stopBrokerAtExit() {
        try {
            stopBroker();
        } catch (Exception | Error e) {
            System.err.println("could not stop the Kafka broker of " + brokerDir + ": " + e);
        }
    }

    /** Frees the broker's disk of the iteration's records before the next one. */
    private void deleteTopic() throws Exception {
        try (Admin admin = broker.admin()) {
            admin.deleteTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** Waits, up to a minute, until the iteration's topic holds {@code records} records. */
    protected void awaitRecordsInTopic(long records) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        try (Admin admin = broker.admin()) {
            while (admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(30, TimeUnit.SECONDS).offset() < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic + " did not receive " + records + " records in a minute");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Workload records the scenario sent before the measurement to have its sender ready; counted as calls. */
    protected long readyRecords() {
        return 0;
    }

    /** Starts the handler or appender sending to {@code topic} at {@code bootstrapServers}. */
    protected abstract void open(String bootstrapServers, String topic) throws Exception;

    /** Stops it the way its library documents, so that every record it accepted is delivered. */
    protected abstract void close() throws Exception;

    /** The name of the benchmark method this trial runs. */
    protected String method() {
        return method;
    }
}
