package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loghandlers.handlers.KafkaHandler;
import org.loghandlers.handlers.wire.SenderHeaders;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.KafkaBroker;
import org.loghandlers.testing.TopicReader;

/** KafkaReceiver against a real broker: what KafkaHandler sent comes back as records, committed after the flush. */
class KafkaReceiverTest {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static KafkaBroker broker;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.startNew(Path.of("target", "kafka", "KafkaReceiverTest"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private String newTopic() throws Exception {
        String topic = "receiver-test-" + TOPICS.incrementAndGet();
        broker.createTopic(topic, 2);
        return topic;
    }

    private KafkaHandler sender(String topic, String format) {
        KafkaHandler handler = new KafkaHandler();
        handler.setBootstrapServers(broker.bootstrapServers());
        handler.setTopic(topic);
        handler.setFormat(format);
        opened.add(handler::close);
        return handler;
    }

    private KafkaReceiver receiver(String topic, String group, java.util.logging.Handler... handlers) {
        KafkaReceiver receiver = new KafkaReceiver();
        receiver.setName("central");
        receiver.setBootstrapServers(broker.bootstrapServers());
        receiver.setTopic(topic);
        receiver.setGroup(group);
        receiver.setHandlers(handlers);
        opened.add(receiver);
        return receiver;
    }

    private static LogRecord record(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setSourceClassName("org.acme.Orders");
        record.setSourceMethodName("place");
        return record;
    }

    @Test
    void eachMessageBecomesTheSendersRecordWithItsHostProcessThreadAndLogger() throws Exception {
        for (String format : List.of("json", "python")) {
            String topic = newTopic();
            KafkaHandler sender = sender(topic, format);
            LogRecord sent = record(Level.WARNING, "app.orders", "order A-7 late");
            sent.setThrown(new IllegalStateException("card declined"));
            sender.publish(sent);
            RecordCollector central = new RecordCollector();
            receiver(topic, "group-" + format, central).start();

            ReceivedRecord received = assertInstanceOf(ReceivedRecord.class, central.await(1).get(0));

            assertEquals("app.orders", received.getLoggerName(), format);
            assertEquals(Level.WARNING, received.getLevel(), format);
            assertEquals("order A-7 late", received.getMessage(), format);
            assertEquals(Thread.currentThread().getName(), received.getThreadName(), format);
            assertEquals(sent.getLongThreadID(), received.getLongThreadID(), format);
            assertEquals(ProcessHandle.current().pid(), received.getProcess(), format);
            assertEquals(java.net.InetAddress.getLocalHost().getHostName(), received.getHost(), format);
            assertEquals(sent.getInstant().toEpochMilli(), received.getInstant().toEpochMilli(), format);
            assertTrue(String.valueOf(received.getThrown()).contains("card declined"), format);
        }
    }

    @Test
    void offsetsAreCommittedOnlyAfterTheHandlersHaveWrittenAndFlushedTheRecords() throws Exception {
        String topic = newTopic();
        KafkaHandler sender = sender(topic, "json");
        for (int i = 0; i < 20; i++) {
            sender.publish(record(Level.INFO, "app", "record " + i));
        }
        sender.close();
        CountDownLatch flushing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<LogRecord> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler central = new java.util.logging.Handler() {
            @Override
            public void publish(LogRecord record) {
                written.add(record);
            }

            @Override
            public void flush() {
                flushing.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void close() {
            }
        };
        receiver(topic, "committing", central).start();

        assertTrue(flushing.await(30, TimeUnit.SECONDS), "the receiver flushes its handlers");
        Thread.sleep(500);
        long whileFlushing = committed(topic, "committing");
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (committed(topic, "committing") < 20 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertEquals(0, whileFlushing, "nothing committed while the handler flushes");
        assertEquals(20, committed(topic, "committing"));
        assertEquals(20, written.size());
    }

    @Test
    void aRecordWhoseSenderAndSequenceWereSeenIsDroppedAndARestartedMemberGoesOnWhereItsGroupCommitted()
            throws Exception {
        String topic = newTopic();
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String[] message : new String[][] {{"1", "first"}, {"2", "second"}, {"1", "first again"}}) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, null,
                        ("{\"logger\":\"app\",\"message\":\"" + message[1] + "\"}").getBytes(StandardCharsets.UTF_8));
                record.headers().add(SenderHeaders.SENDER, "s-1".getBytes(StandardCharsets.UTF_8));
                record.headers().add(SenderHeaders.SEQUENCE, message[0].getBytes(StandardCharsets.UTF_8));
                record.headers().add(SenderHeaders.FORMAT, "json".getBytes(StandardCharsets.UTF_8));
                raw.send(record).get();
            }
        }
        RecordCollector central = new RecordCollector();
        KafkaReceiver first = receiver(topic, "dedup", central);
        first.start();
        central.await(2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (first.getDuplicatesDropped() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        first.stop();
        KafkaHandler sender = sender(topic, "json");
        sender.publish(record(Level.INFO, "app", "after the restart"));
        receiver(topic, "dedup", central).start();
        central.await(3);
        Thread.sleep(1_000);

        assertEquals(List.of("first", "second", "after the restart"),
                central.records().stream().map(LogRecord::getMessage).toList());
        assertEquals(1, first.getDuplicatesDropped());
    }

    @Test
    void refusesUnknownConsumerPropertiesAndThoseItSetsItself() {
        KafkaReceiver receiver = new KafkaReceiver();
        receiver.setPrefixedOption("kafka.max.poll.records", "1000");
        IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class,
                () -> receiver.setPrefixedOption("kafka.max.pol.records", "1000"));
        assertTrue(misspelt.getMessage().endsWith("did you mean max.poll.records?"), misspelt.getMessage());
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class,
                () -> receiver.setPrefixedOption("kafka.enable.auto.commit", "true"));
        assertTrue(own.getMessage().contains("commits itself"), own.getMessage());
        IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class,
                () -> receiver.setPrefixedOption("kafka.auto.offset.reset", "oldest"));
        assertTrue(badValue.getMessage().contains("earliest"), badValue.getMessage());
        assertThrows(IllegalArgumentException.class, () -> receiver.setTopic("a b"));
        assertThrows(IllegalArgumentException.class, () -> receiver.setGroup(" "));
    }

    private static long committed(String topic, String group) throws Exception {
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }
}
