package org.loghandlers.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What a consumer reads back from a topic whose senders are closed: every record from the beginning to the end
 * offsets the topic has once reading starts, counted as the {@link Workload}'s records (their value holds its
 * message) and others. A plain consumer (no group, no commits), as a user checking what reached Kafka would read.
 *
 * @param workload  the records whose value holds {@link Workload#MESSAGE}
 * @param others    every other record (a loss report, anything foreign)
 * @param first     the first record's value as text (empty when there is none)
 * @param complete  false when the reading stopped at its timeout before the end offsets
 * @param allocated the bytes the reading thread allocated (the classic consumer without a group fetches and
 *                  decompresses on it), which {@code report.py} takes off the scenario's bytes per record
 */
record TopicCount(long workload, long others, String first, boolean complete, long allocated) {

    private static final byte[] MESSAGE = Workload.MESSAGE.getBytes(StandardCharsets.UTF_8);

    long records() {
        return workload + others;
    }

    /** Reads {@code topic} at {@code bootstrapServers} to its end, for at most {@code timeout}. */
    static TopicCount read(String bootstrapServers, String topic, Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 << 20));
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 << 20));
        long deadline = System.nanoTime() + timeout.toNanos();
        long allocatedBefore = allocatedByThisThread();
        long workload = 0;
        long others = 0;
        String first = "";
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    return new TopicCount(workload, others, first, false, 0);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    byte[] value = record.value();
                    if (workload + others == 0) {
                        first = value == null ? "(no value)" : new String(value, StandardCharsets.UTF_8);
                    }
                    if (value != null && contains(value, MESSAGE)) {
                        workload++;
                    } else {
                        others++;
                    }
                }
            }
        }
        return new TopicCount(workload, others, first, true, allocatedByThisThread() - allocatedBefore);
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey(), Duration.ofSeconds(30)) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(byte[] value, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= value.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (value[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
