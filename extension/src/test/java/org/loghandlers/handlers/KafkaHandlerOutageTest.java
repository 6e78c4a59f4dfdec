package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.KafkaBroker;
import org.loghandlers.testing.TopicReader;
import org.loghandlers.testing.TopicReader.Message;

/**
 * The broker stopped for 10 s while an application logs, then started again on the same data: while the producer's
 * buffer holds the records nothing is lost; past it, records are counted as lost without waiting, reported once, and
 * the count arrives in the topic as a record after the broker is back. No logging call waits much past max-block.
 */
class KafkaHandlerOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final long MAX_BLOCK_MILLIS = 100;
    /**
     * What a loaded two-core machine adds to a call while a broker JVM starts beside it: descheduling and a young
     * collection, measured up to about 300 ms here. A call that waited for the broker would take seconds.
     */
    private static final long SCHEDULING_SLACK_MILLIS = 400;
    private static final Pattern INDEX = Pattern.compile("\"message\":\"record (\\d+) ");
    private static final Pattern LOSS_REPORT = Pattern.compile("\"message\":\"(\\d+) records? lost by KafkaHandler");

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.startNew(Path.of("target", "kafka", "KafkaHandlerOutageTest"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** Logs record 0, 1, 2... at a steady rate on its own thread, timing every call. */
    private static final class Application extends Thread {

        private final KafkaHandler handler;
        private final long pauseNanos;
        private final int payloadBytes;
        private volatile boolean running = true;
        private volatile int logged;
        private volatile long slowestNanos;

        Application(KafkaHandler handler, int recordsPerSecond, int payloadBytes) {
            super("application");
            this.handler = handler;
            this.pauseNanos = 1_000_000_000L / recordsPerSecond;
            this.payloadBytes = payloadBytes;
        }

        @Override
        public void run() {
            long next = System.nanoTime();
            while (running) {
                LogRecord record = new LogRecord(Level.INFO, "record " + logged + " " + payload());
                record.setLoggerName("app");
                long start = System.nanoTime();
                handler.publish(record);
                slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
                logged++;
                next += pauseNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        }

        /** Random letters, so that compression cannot make the outage's records fit the buffer. */
        private String payload() {
            StringBuilder text = new StringBuilder(payloadBytes);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < payloadBytes; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            return text.toString();
        }

        int stopLogging() throws InterruptedException {
            running = false;
            join();
            return logged;
        }

        long slowestMillis() {
            return slowestNanos / 1_000_000;
        }
    }

    private static KafkaHandler handler(String topic, CountingErrorManager errors, String kafkaProperties) {
        KafkaHandler handler = new KafkaHandler();
        handler.setErrorManager(errors);
        handler.setBootstrapServers(broker.bootstrapServers());
        handler.setTopic(topic);
        handler.setMaxBlock(MAX_BLOCK_MILLIS + "ms");
        handler.setCloseTimeout("20s");
        handler.setKafkaProperties(kafkaProperties);
        return handler;
    }

    /** Runs the application, stops the broker for {@link #OUTAGE} in the middle, and returns how many it logged. */
    private static int logThroughAnOutage(Application application) throws Exception {
        application.start();
        Thread.sleep(2_000);
        broker.stop();
        Thread.sleep(OUTAGE.toMillis());
        broker.start();
        Thread.sleep(3_000);
        return application.stopLogging();
    }

    private static List<Integer> indexes(List<Message> messages) {
        List<Integer> indexes = new ArrayList<>();
        for (Message message : messages) {
            Matcher matcher = INDEX.matcher(message.text());
            if (matcher.find()) {
                indexes.add(Integer.valueOf(matcher.group(1)));
            }
        }
        return indexes;
    }

    @Test
    void nothingIsLostWhileTheProducersBufferHoldsTheOutage() throws Exception {
        String topic = "outage-within-buffer";
        broker.createTopic(topic, 1);
        CountingErrorManager errors = new CountingErrorManager();
        KafkaHandler handler = handler(topic, errors, "");
        Application application = new Application(handler, 200, 100);

        int logged = logThroughAnOutage(application);
        handler.close();
        List<Message> messages = TopicReader.read(broker, topic, logged, Duration.ofSeconds(60));

        List<Integer> indexes = indexes(messages);
        assertEquals(logged, indexes.size(), () -> "every record once; " + handler.getStatistics() + " "
                + errors.reports() + " read " + messages.size());
        for (int i = 0; i < logged; i++) {
            assertEquals(i, indexes.get(i), "in order");
        }
        assertEquals(new KafkaStatistics("kafka", topic, logged, logged, 0), handler.getStatistics());
        assertEquals(List.of(), errors.reports(), "nothing to report");
        assertTrue(application.slowestMillis() <= MAX_BLOCK_MILLIS + SCHEDULING_SLACK_MILLIS,
                "the slowest call took " + application.slowestMillis() + " ms");
    }

    @Test
    void pastTheBufferRecordsAreCountedReportedOnceAndTheCountArrivesAsARecord() throws Exception {
        String topic = "outage-past-buffer";
        broker.createTopic(topic, 1);
        CountingErrorManager errors = new CountingErrorManager();
        KafkaHandler handler = handler(topic, errors, "buffer.memory=262144,batch.size=16384");
        Application application = new Application(handler, 1_000, 200);

        int logged = logThroughAnOutage(application);
        handler.close();
        KafkaStatistics statistics = handler.getStatistics();
        List<Message> messages = TopicReader.readUntil(broker, topic,
                read -> indexes(read).size() >= statistics.delivered() - lossReports(read).size(),
                Duration.ofSeconds(60));

        List<Integer> indexes = indexes(messages);
        List<Long> reports = lossReports(messages);
        assertTrue(statistics.lost() > 1_000, "an outage of 10 s at 1000 records/s overflows 256 KiB: " + statistics);
        assertEquals(0, statistics.pending(), statistics::toString);
        assertTrue(statistics.accepted() >= logged + reports.size(), () -> "the loss reports are records too: "
                + statistics + ", logged " + logged + ", reports read " + reports);
        assertEquals(statistics.delivered(), indexes.size() + reports.size(), "what the broker acknowledged");
        assertEquals(indexes.size(), new HashSet<>(indexes).size(), "no record twice");
        assertEquals(logged - indexes.size(), statistics.lost(), "every record is delivered or counted");
        assertTrue(!reports.isEmpty(), "the loss arrives as a record once the broker is back");
        assertEquals(statistics.lost(), reports.stream().mapToLong(Long::longValue).sum(),
                "the records report every loss: " + reports);
        assertEquals(1, errors.count(), () -> "one report for the outage: " + errors.reports() + " " + statistics);
        assertTrue(errors.reports().get(0).message().contains("records are counted as lost"),
                errors.reports().toString());
        assertTrue(application.slowestMillis() <= MAX_BLOCK_MILLIS + SCHEDULING_SLACK_MILLIS,
                "the slowest call took " + application.slowestMillis() + " ms");
        Set<Integer> delivered = new HashSet<>(indexes);
        assertTrue(delivered.contains(0) && delivered.contains(logged - 1), "before and after the outage");
    }

    private static List<Long> lossReports(List<Message> messages) {
        List<Long> counts = new ArrayList<>();
        for (Message message : messages) {
            Matcher matcher = LOSS_REPORT.matcher(message.text());
            if (matcher.find()) {
                counts.add(Long.valueOf(matcher.group(1)));
            }
        }
        return counts;
    }
}
