package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.ChildJvm;
import org.loghandlers.testing.KafkaBroker;
import org.loghandlers.testing.KafkaCentralProgram;
import org.loghandlers.testing.KafkaSenderProgram;

/**
 * Central logging end to end, every piece a process of its own on loopback: a real broker, sender JVMs logging
 * through KafkaHandler into a topic of 4 partitions, and a central JVM whose two Kafka receivers (one group) write
 * one rotating file. Every record arrives exactly once, each sender's in the order it logged them; a central JVM
 * killed with SIGKILL mid-run and started again loses nothing, and with its state file writes at most the batch each
 * receiver had in hand twice. Prints the rates it saw (for docs/central-logging.adoc;
 * on a shared machine they are rough).
 */
class KafkaCentralLoggingIT {

    private static final int PARTITIONS = 4;
    private static final int RECEIVERS = 2;
    /** The consumer's default max.poll.records: the most records one batch holds. */
    private static final int MAX_POLL_RECORDS = 500;
    private static final Pattern LINE = Pattern.compile("^\\{.*\"logger\":\"app\\.sender(\\d+)\",\"message\":\"\\| sender"
            + " (\\d+) record (\\d+) \\|\".*\"host\":\"([^\"]+)\",\"process\":(\\d+).*\\}$");
    private static final Pattern ANY_RECORD = Pattern.compile("\\| sender (\\d+) record (\\d+) \\|");
    private static final List<String> SMALL_HEAP = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private static KafkaBroker broker;
    private final List<ChildJvm> jvms = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.startNew(Path.of("target", "kafka", "KafkaCentralLoggingIT"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void stopJvms() throws Exception {
        for (ChildJvm jvm : jvms) {
            jvm.close();
        }
    }

    private ChildJvm central(Path dir, String topic, String name, String... stateFile) throws IOException,
            InterruptedException {
        List<String> args = new ArrayList<>(List.of(broker.bootstrapServers(), topic, "central",
                dir.resolve("central.log").toString(), Integer.toString(RECEIVERS)));
        args.addAll(List.of(stateFile));
        ChildJvm central = ChildJvm.start(dir, name, SMALL_HEAP, KafkaCentralProgram.class,
                args.toArray(String[]::new));
        jvms.add(central);
        central.awaitLine("ready", 120);
        return central;
    }

    private List<ChildJvm> senders(Path dir, String topic, int count) throws IOException {
        List<ChildJvm> senders = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            ChildJvm sender = ChildJvm.start(dir, "sender-" + s, SMALL_HEAP, KafkaSenderProgram.class,
                    broker.bootstrapServers(), topic, Integer.toString(s), Integer.toString(count));
            jvms.add(sender);
            senders.add(sender);
        }
        return senders;
    }

    /** Waits for each sender to exit, checks it lost nothing, and returns its process id by sender number. */
    private static Map<Integer, Long> awaitSent(List<ChildJvm> senders, int count) throws Exception {
        Map<Integer, Long> pids = new HashMap<>();
        for (int s = 1; s <= senders.size(); s++) {
            ChildJvm sender = senders.get(s - 1);
            assertEquals(0, sender.awaitExit(300), sender::output);
            String line = sender.awaitLine("sent ", 5);
            System.out.println("central logging: sender " + s + ": " + line);
            assertTrue(line.endsWith("accepted=" + (count + 1) + " delivered=" + (count + 1) + " lost=0"),
                    () -> line + "; " + sender.output());
            pids.put(s, Long.valueOf(line.split(" ")[1]));
        }
        return pids;
    }

    /** Every line of the central file and its backups, oldest first. */
    private static List<String> centralLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        Path current = dir.resolve("central.log");
        for (int backup = 200; backup >= 1; backup--) {
            Path file = dir.resolve("central.log." + backup);
            if (Files.exists(file)) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        if (Files.exists(current)) {
            lines.addAll(Files.readAllLines(current, StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static long recordsIn(Path dir) throws IOException {
        long count = 0;
        for (String line : centralLines(dir)) {
            Matcher matcher = ANY_RECORD.matcher(line);
            while (matcher.find()) {
                count++;
            }
        }
        return count;
    }

    private static long distinctRecordsIn(Path dir) throws IOException {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (String line : centralLines(dir)) {
            Matcher matcher = ANY_RECORD.matcher(line);
            while (matcher.find()) {
                distinct.add(matcher.group(1) + "/" + matcher.group(2));
            }
        }
        return distinct.size();
    }

    /** Waits until the central files hold {@code count} different records. */
    private static void awaitRecords(Path dir, long count, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (distinctRecordsIn(dir) >= count) {
                    return;
                }
            } catch (NoSuchFileException e) {
                // The receivers' handler rolled a backup over while it was being read: look again.
            }
            Thread.sleep(1_000);
        }
    }

    @Test
    void threeSendersTwoReceiversEveryRecordOnceInEachSendersOrder() throws Exception {
        int count = 100_000;
        String topic = "central-exactly-once";
        broker.createTopic(topic, PARTITIONS);
        Path dir = Files.createDirectories(Path.of("target", "kafka", "central-exactly-once").toAbsolutePath());
        deleteLogs(dir);

        long sending = System.nanoTime();
        Map<Integer, Long> pids = awaitSent(senders(dir, topic, count), count);
        long sent = System.nanoTime();
        ChildJvm central = central(dir, topic, "central");
        long receiving = System.nanoTime();
        awaitRecords(dir, 3L * count, 180);
        long received = System.nanoTime();
        central.stop();
        System.out.printf("central logging: 3 senders x %d records into %d partitions in %.1f s (JVM starts"
                + " included); 2 receivers wrote them in %.1f s after they were ready%n", count, PARTITIONS,
                (sent - sending) / 1e9, (received - receiving) / 1e9);

        List<String> lines = centralLines(dir);
        String host = InetAddress.getLocalHost().getHostName();
        int[] next = new int[4];
        for (String line : lines) {
            if (line.contains("\"message\":\"started\"")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            assertTrue(matcher.matches(), () -> "a whole line: " + line);
            int sender = Integer.parseInt(matcher.group(2));
            assertEquals(host, matcher.group(4), "the sender's host");
            assertEquals(pids.get(sender), Long.valueOf(matcher.group(5)), "the sender's process");
            assertEquals(matcher.group(1), matcher.group(2), "the sender's logger");
            assertEquals(next[sender], Integer.parseInt(matcher.group(3)), () -> "sender " + sender
                    + "'s records once each, in order: " + line);
            next[sender]++;
        }
        assertEquals(List.of(count, count, count), List.of(next[1], next[2], next[3]));
        assertTrue(Files.exists(dir.resolve("central.log.1")), "the central file rotated");
    }

    @Test
    void aCentralJvmKilledMidRunAndStartedAgainLosesNothing() throws Exception {
        int count = 30_000;
        String topic = "central-killed";
        broker.createTopic(topic, PARTITIONS);
        Path dir = Files.createDirectories(Path.of("target", "kafka", "central-killed").toAbsolutePath());
        deleteLogs(dir);
        String state = dir.resolve("central.state").toString();
        ChildJvm first = central(dir, topic, "central-first", state);
        List<ChildJvm> senders = senders(dir, topic, count);

        awaitRecords(dir, count, 180);
        first.kill();
        long beforeKill = recordsIn(dir);
        ChildJvm second = central(dir, topic, "central-second", state);
        awaitSent(senders, count);
        awaitRecords(dir, 3L * count, 180);
        second.stop();

        Map<String, Integer> seen = new HashMap<>();
        int[] next = new int[4];
        int outOfOrder = 0;
        for (String line : centralLines(dir)) {
            Matcher matcher = ANY_RECORD.matcher(line);
            while (matcher.find()) {
                int sender = Integer.parseInt(matcher.group(1));
                int record = Integer.parseInt(matcher.group(2));
                if (seen.merge(sender + "/" + record, 1, Integer::sum) == 1) {
                    if (record != next[sender]) {
                        outOfOrder++;
                    }
                    next[sender] = record + 1;
                }
            }
        }
        long duplicates = seen.values().stream().mapToInt(n -> n - 1).sum();
        System.out.println("central logging: killed after " + beforeKill + " records were written; " + duplicates
                + " written twice (state file on; bound " + RECEIVERS * MAX_POLL_RECORDS + ")");
        assertEquals(3 * count, seen.size(), "every record, none lost (" + beforeKill + " written before the kill)");
        assertEquals(0, outOfOrder, "each sender's first copies in order");
        assertTrue(duplicates <= PARTITIONS * 500L, "only what was written and not yet committed when it was"
                + " killed comes twice (at most one poll of 500 records per partition): " + duplicates);
        assertTrue(duplicates <= (long) RECEIVERS * MAX_POLL_RECORDS, "with the state file only the batch each"
                + " receiver had in hand at the kill (flushed, or partly spilled by the file's buffer, but not yet"
                + " saved to the state file) comes twice: at most " + RECEIVERS + " receivers x " + MAX_POLL_RECORDS
                + " records (max.poll.records) = " + RECEIVERS * MAX_POLL_RECORDS + "; got " + duplicates);
    }

    private static void deleteLogs(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith("central")) {
                    Files.delete(file);
                }
            }
        }
    }
}
