package org.loghandlers.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic of a {@link KafkaBroker} from its beginning with a plain consumer (no group), as a user checking
 * what reached Kafka would.
 */
public final class TopicReader {

    /** One record as it is stored: partition, offset, timestamp, key, value and headers by name. */
    public record Message(int partition, long offset, long timestamp, byte[] key, byte[] value,
                          Map<String, byte[]> headers) {

        public String keyText() {
            return key == null ? null : new String(key, StandardCharsets.UTF_8);
        }

        public String text() {
            return new String(value, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            byte[] header = headers.get(name);
            return header == null ? null : new String(header, StandardCharsets.UTF_8);
        }
    }

    private TopicReader() {
    }

    /** Every record of {@code topic}, waiting up to {@code timeout} until there are at least {@code count}. */
    public static List<Message> read(KafkaBroker broker, String topic, int count, Duration timeout) {
        return readUntil(broker, topic, messages -> messages.size() >= count, timeout);
    }

    /** Reads {@code topic} until {@code done} holds or {@code timeout} passes; returns what it read, in order. */
    public static List<Message> readUntil(KafkaBroker broker, String topic, Predicate<List<Message>> done,
            Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Message> messages = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(messages) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, byte[]> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value());
                    }
                    messages.add(new Message(record.partition(), record.offset(), record.timestamp(), record.key(),
                            record.value(), headers));
                }
            }
        }
        return messages;
    }
}
