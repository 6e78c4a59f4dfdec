package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loghandlers.handlers.wire.SenderHeaders;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.KafkaBroker;

/**
 * KafkaReceiver's state file against a real broker: the duplicate window is saved after the handlers flushed and
 * before the commit, read back by a receiver started again, and a file that is damaged or cannot be written is
 * reported once while delivery goes on. "Written but not committed", what a SIGKILL leaves, is made by moving the
 * group's offsets back to the start (KafkaCentralLoggingIT kills a real JVM).
 */
class KafkaReceiverStateFileTest {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static KafkaBroker broker;
    private static KafkaProducer<byte[], byte[]> producer;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.startNew(Path.of("target", "kafka", "KafkaReceiverStateFileTest"));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (producer != null) {
            producer.close();
        }
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

    private static Path dir(String name) throws Exception {
        Path dir = Path.of("target", "kafka", "state-file", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    private static String newTopic() throws Exception {
        String topic = "state-file-" + TOPICS.incrementAndGet();
        broker.createTopic(topic, 1);
        return topic;
    }

    /** Sends records {@code from..to} of sender s-1, as KafkaHandler would, message "record n". */
    private static void send(String topic, int from, int to) throws Exception {
        for (int n = from; n <= to; n++) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, null,
                    ("{\"logger\":\"app\",\"message\":\"record " + n + "\"}").getBytes(StandardCharsets.UTF_8));
            record.headers().add(SenderHeaders.SENDER, "s-1".getBytes(StandardCharsets.UTF_8));
            record.headers().add(SenderHeaders.SEQUENCE, SenderHeaders.sequence(n));
            record.headers().add(SenderHeaders.FORMAT, "json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    private KafkaReceiver receiver(String topic, String group, Path stateFile, Handler handler) {
        KafkaReceiver receiver = new KafkaReceiver();
        receiver.setName("central");
        receiver.setBootstrapServers(broker.bootstrapServers());
        receiver.setTopic(topic);
        receiver.setGroup(group);
        receiver.setHandlers(handler);
        if (stateFile != null) {
            receiver.setStateFile(stateFile.toString());
        }
        receiver.setPrefixedOption("kafka.session.timeout.ms", "6000");
        opened.add(receiver);
        return receiver;
    }

    /** What a crash between the flush and the commit leaves: the records are written, the offsets not committed. */
    private static void forgetCommits(String topic, String group) throws Exception {
        try (Admin admin = broker.admin()) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static long committed(String topic, String group) throws Exception {
        try (Admin admin = broker.admin()) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(new TopicPartition(topic, 0));
            return offset == null ? 0 : offset.offset();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static List<String> messages(RecordCollector collector) {
        return collector.records().stream().map(LogRecord::getMessage).toList();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void theWindowIsSavedAfterTheFlushAndAReceiverStartedAgainDropsWhatWasWrittenButNotCommitted()
            throws Exception {
        String topic = newTopic();
        Path state = dir("saved").resolve("central.state");
        send(topic, 1, 3);
        CountDownLatch flushing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        Handler slowFlush = new Handler() {
            @Override
            public void publish(LogRecord record) {
                written.add(record.getMessage());
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
        KafkaReceiver first = receiver(topic, "saved", state, slowFlush);
        first.start();
        assertTrue(flushing.await(30, TimeUnit.SECONDS), "the receiver flushes its handlers");
        Thread.sleep(300);
        boolean savedWhileFlushing = Files.exists(state);
        release.countDown();
        await(() -> read(state).contains("sender s-1 3 1..3\n"), "the window saved: " + read(state));
        await(() -> {
            try {
                return committed(topic, "saved") == 3;
            } catch (Exception e) {
                return false;
            }
        }, "the batch committed");
        first.stop();
        assertFalse(savedWhileFlushing, "nothing saved before the handlers flushed");

        forgetCommits(topic, "saved");
        send(topic, 4, 4);
        RecordCollector again = new RecordCollector();
        KafkaReceiver second = receiver(topic, "saved", state, again);
        second.start();
        again.await(1);
        await(() -> second.getDuplicatesDropped() == 3, "the 3 records read again are dropped: "
                + second.getDuplicatesDropped());
        Thread.sleep(500);

        assertEquals(List.of("record 1", "record 2", "record 3"), written);
        assertEquals(List.of("record 4"), messages(again), "only the record not written before");
    }

    @Test
    void withoutAStateFileTheRecordsWrittenButNotCommittedAreWrittenAgain() throws Exception {
        String topic = newTopic();
        send(topic, 1, 3);
        RecordCollector first = new RecordCollector();
        KafkaReceiver receiver = receiver(topic, "no-state", null, first);
        receiver.start();
        first.await(3);
        await(() -> {
            try {
                return committed(topic, "no-state") == 3;
            } catch (Exception e) {
                return false;
            }
        }, "the batch committed");
        receiver.stop();
        forgetCommits(topic, "no-state");
        RecordCollector again = new RecordCollector();
        receiver(topic, "no-state", null, again).start();

        assertEquals(List.of("record 1", "record 2", "record 3"),
                again.await(3).stream().map(LogRecord::getMessage).toList(), "the in-memory window died with it");
    }

    @Test
    void aDamagedStateFileIsReportedOnceAndTheReceiverStartsWithAnEmptyWindowThenReplacesIt() throws Exception {
        String topic = newTopic();
        Path state = dir("damaged").resolve("central.state");
        Files.writeString(state,
                "# loghandlers KafkaReceiver duplicate window, version 1\ngroup damaged\nsender s-1 3");
        send(topic, 1, 3);
        RecordCollector central = new RecordCollector();
        CountingErrorManager errors = new CountingErrorManager();
        KafkaReceiver receiver = receiver(topic, "damaged", state, central);
        receiver.setErrorManager(errors);
        receiver.start();

        assertEquals(List.of("record 1", "record 2", "record 3"),
                central.await(3).stream().map(LogRecord::getMessage).toList());
        await(() -> read(state).contains("sender s-1 3 1..3\n"), "the file replaced: " + read(state));
        send(topic, 4, 4);
        central.await(4);
        await(() -> read(state).contains("sender s-1 4 1..4\n"), "saved again: " + read(state));
        receiver.stop();

        assertEquals(1, errors.count(), () -> errors.reports().toString());
        String report = errors.reports().get(0).message();
        assertTrue(report.contains("could not read the duplicate window from state file " + state)
                && report.contains("cut short") && report.contains("starting with an empty window"), report);
    }

    @Test
    void aStateFileThatCannotBeWrittenIsReportedOnceDeliveryGoesOnAndItIsSavedWhenTheCauseIsGone()
            throws Exception {
        String topic = newTopic();
        Path blocker = dir("unwritable").resolve("blocker");
        Files.writeString(blocker, "a file where the state file's directory should be");
        Path state = blocker.resolve("central.state");
        RecordCollector central = new RecordCollector();
        CountingErrorManager errors = new CountingErrorManager();
        KafkaReceiver receiver = receiver(topic, "unwritable", state, central);
        receiver.setErrorManager(errors);
        receiver.start();

        for (int batch = 0; batch < 3; batch++) {
            send(topic, batch * 2 + 1, batch * 2 + 2);
            central.await(batch * 2 + 2);
        }
        await(() -> {
            try {
                return committed(topic, "unwritable") == 6;
            } catch (Exception e) {
                return false;
            }
        }, "every batch committed although the window could not be saved");
        assertEquals(1, errors.count(), () -> "reported once, not per batch: " + errors.reports());
        assertTrue(errors.reports().get(0).message().contains("state file " + state + " ("
                + state + ": Not a directory)"), errors.reports().get(0).message());

        Files.delete(blocker);
        send(topic, 7, 7);
        central.await(7);
        await(() -> read(state).contains("sender s-1 7 1..7\n"), "saved once the directory can be made: "
                + read(state));
        receiver.stop();
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        assertEquals(7, central.records().size());
    }

    @Test
    void aDirectoryThatTurnsReadOnlyIsReportedOnceDeliveryGoesOnAndSavingResumesWhenItIsWritableAgain()
            throws Exception {
        String topic = newTopic();
        Path dir = dir("immutable");
        Path state = dir.resolve("central.state");
        RecordCollector central = new RecordCollector();
        CountingErrorManager errors = new CountingErrorManager();
        KafkaReceiver receiver = receiver(topic, "immutable", state, central);
        receiver.setErrorManager(errors);
        receiver.start();
        send(topic, 1, 1);
        central.await(1);
        await(() -> read(state).contains("sender s-1 1 1..1\n"), "saved: " + read(state));
        Assumptions.assumeTrue(chattr("+i", dir), "chattr +i needs root and a file system that has it");
        try {
            for (int n = 2; n <= 4; n++) {
                send(topic, n, n);
                central.await(n);
            }
            await(() -> {
                try {
                    return committed(topic, "immutable") == 4;
                } catch (Exception e) {
                    return false;
                }
            }, "every batch committed although the window could not be saved");
            assertTrue(read(state).contains("sender s-1 1 1..1\n"), "the old file is whole: " + read(state));
        } finally {
            assertTrue(chattr("-i", dir));
        }
        send(topic, 5, 5);
        central.await(5);
        await(() -> read(state).contains("sender s-1 5 1..5\n"), "saved again: " + read(state));
        receiver.stop();

        assertEquals(1, errors.count(), () -> "reported once: " + errors.reports());
        assertTrue(errors.reports().get(0).message().startsWith("receiver central: could not save the duplicate"
                + " window to state file " + state + "; delivery goes on"), errors.reports().get(0).message());
        assertEquals(5, central.records().size());
    }

    private static boolean chattr(String flag, Path dir) throws Exception {
        try {
            Process chattr = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
            chattr.getInputStream().readAllBytes();
            return chattr.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void refusesADirectoryAsTheStateFile() throws Exception {
        Path dir = dir("directory");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new KafkaReceiver().setStateFile(dir.toString()));
        assertEquals("stateFile: '" + dir + "' is a directory; accepted: the path of a file to create or replace,"
                + " such as /var/log/central/kafka.state", refused.getMessage());
        KafkaReceiver off = new KafkaReceiver();
        off.setStateFile(" ");
        assertEquals(null, off.getStateFile(), "blank: no state file");
    }
}
