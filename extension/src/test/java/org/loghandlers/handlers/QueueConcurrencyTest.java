package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QueueConcurrencyTest {

    private static final int PRODUCERS = 8;
    private static final int PER_PRODUCER = 20_000;
    private static final Pattern DROP_NOTICE = Pattern.compile("(\\d+) records? dropped by queue '(.+)' since (.+)");

    @TempDir
    Path dir;

    /** A real target that is slower than the producers now and then, so that the queue fills up. */
    static final class SlowTarget extends CollectingTarget {
        private int seen;

        @Override
        public void publish(LogRecord record) {
            if (++seen % 200 == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.publish(record);
        }
    }

    @ParameterizedTest
    @EnumSource(OverflowPolicy.class)
    void eightProducersThroughEachPolicyAccountForEveryRecordExactly(OverflowPolicy policy) throws Exception {
        SlowTarget target = new SlowTarget();
        QueueHandler handler = new QueueHandler(64, policy, target);
        handler.setName(policy.configName());
        handler.setCallerLocation(false);

        runProducers(handler, PER_PRODUCER, null);
        handler.close();

        QueueStatistics statistics = handler.getStatistics();
        assertEquals(PRODUCERS * PER_PRODUCER, statistics.accepted());
        assertEquals(statistics.accepted(), statistics.delivered() + statistics.dropped(), statistics.toString());
        assertEquals(0, statistics.queued());
        assertTrue(statistics.highWaterMark() <= 64, statistics.toString());

        long reportedDrops = 0;
        Map<String, List<Integer>> perProducer = new HashMap<>();
        for (LogRecord record : target.records()) {
            Matcher notice = DROP_NOTICE.matcher(record.getMessage());
            if (notice.matches()) {
                assertEquals(Level.WARNING, record.getLevel());
                assertEquals(policy.configName(), notice.group(2));
                reportedDrops += Long.parseLong(notice.group(1));
                continue;
            }
            String[] parts = record.getMessage().split(":");
            perProducer.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        long delivered = perProducer.values().stream().mapToLong(List::size).sum();
        assertEquals(statistics.delivered(), delivered, "records the target got");
        assertEquals(statistics.dropped(), reportedDrops, "drops announced to the target");
        for (Map.Entry<String, List<Integer>> producer : perProducer.entrySet()) {
            assertStrictlyIncreasing(producer.getKey(), producer.getValue());
        }
        if (policy == OverflowPolicy.BLOCK) {
            assertEquals(0, statistics.dropped());
            assertEquals(PRODUCERS, perProducer.size());
            perProducer.values().forEach(sequence -> assertEquals(PER_PRODUCER, sequence.size()));
        } else {
            assertTrue(statistics.dropped() > 0, "a slow target behind 64 slots must cause drops: " + statistics);
        }
    }

    @Test
    void stopUnderLoadLosesNothingAndLaterRecordsStillReachTheFile() throws Exception {
        Path file = dir.resolve("app.log");
        FileHandler target = new FileHandler(file.toString());
        target.setAutoFlush(false);
        target.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + "\n";
            }
        });
        QueueHandler handler = new QueueHandler(target);
        handler.setCapacity(256);
        handler.setCallerLocation(false);

        runProducers(handler, PER_PRODUCER, () -> {
            while (handler.getStatistics().accepted() < PRODUCERS * PER_PRODUCER / 3) {
                Thread.onSpinWait();
            }
            handler.getListener().stop();
        });
        handler.close();
        target.close();

        QueueStatistics statistics = handler.getStatistics();
        assertEquals(PRODUCERS * PER_PRODUCER, statistics.accepted());
        assertEquals(statistics.accepted(), statistics.delivered());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(PRODUCERS * PER_PRODUCER, lines.size());
        Map<String, List<Integer>> perProducer = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split(":");
            perProducer.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
        }
        for (Map.Entry<String, List<Integer>> producer : perProducer.entrySet()) {
            assertEquals(PER_PRODUCER, producer.getValue().size());
            assertStrictlyIncreasing(producer.getKey(), producer.getValue());
        }
    }

    /** Runs the producers to the end; {@code duringTheRun}, if given, runs on this thread meanwhile. */
    private static void runProducers(QueueHandler handler, int perProducer, ThrowingRunnable duringTheRun)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            String id = "p" + p;
            Thread producer = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    handler.publish(new LogRecord(Level.INFO, id + ":" + i));
                }
            }, id);
            producer.start();
            producers.add(producer);
        }
        go.countDown();
        if (duringTheRun != null) {
            duringTheRun.run();
        }
        for (Thread producer : producers) {
            producer.join();
        }
    }

    private static void assertStrictlyIncreasing(String producer, List<Integer> sequence) {
        for (int i = 1; i < sequence.size(); i++) {
            if (sequence.get(i) <= sequence.get(i - 1)) {
                throw new AssertionError("producer " + producer + ": record " + sequence.get(i) + " came after "
                        + sequence.get(i - 1));
            }
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
