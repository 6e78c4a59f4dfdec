package org.loghandlers.receivers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.ErrorManager;
import java.util.logging.Level;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.loghandlers.handlers.wire.SenderHeaders;
import org.loghandlers.options.OptionValues;
import org.loghandlers.options.PropertyList;
import org.loghandlers.options.Suggestions;
import org.loghandlers.receivers.wire.WireFormatException;

/**
 * Reads the records {@link org.loghandlers.handlers.KafkaHandler}s send to a topic and hands them to handlers: a
 * member of a Kafka consumer group, so that several receivers share a topic's partitions and take over those of one
 * that stops or dies. Each message becomes a {@link ReceivedRecord} with the producer's logger, level, message,
 * time, thread and, from the message's headers, host and process ({@link SenderHeaders}); {@code json} and
 * {@code python} values are decoded, {@code text} is kept as the message.
 *
 * <p>At least once: the offsets of a batch are committed only after every record of it was handed to the handlers
 * and the handlers were flushed, so a receiver that dies loses nothing; the records it wrote after its last commit
 * are read again by whichever member takes its partitions. A record whose sender and sequence number this receiver
 * has seen already, within {@code duplicate-window} numbers per sender, is dropped ({@link #getDuplicatesDropped()}):
 * replays after a rebalance or a failed commit, records sent twice. With a {@code state-file} the window survives a
 * crash: after the handlers flushed a batch and before its offsets are committed, the window is saved to that file,
 * and read back at start, so what a killed receiver wrote but had not committed is dropped when it is read again
 * (all but the batch in hand at the kill).
 *
 * <p>Consumer properties pass through as {@code kafka.<property>}; the receiver sets {@code bootstrap.servers},
 * {@code group.id}, the deserializers and {@code enable.auto.commit=false} itself, and starts a new group at the
 * topic's earliest record ({@code auto.offset.reset=earliest}) unless told otherwise.
 */
public class KafkaReceiver extends Receiver {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_TOPIC = "logs";
    public static final String DEFAULT_GROUP = "loghandlers";
    /** Sequence numbers remembered per sender by default: 100,000 (a 12 KiB bit set per sender). */
    public static final int DEFAULT_DUPLICATE_WINDOW = 100_000;
    /** Senders remembered at most; the longest unseen is forgotten first. */
    static final int MAX_SENDERS = 10_000;

    private static final String PREFIX = "kafka.";
    private static final long MAX_POLL_NANOS = 500_000_000L;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, String> OWN_PROPERTIES = Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "use the receiver's option bootstrap-servers",
            ConsumerConfig.GROUP_ID_CONFIG, "use the receiver's option group",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "the receiver commits itself, after its handlers flushed",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "the receiver decodes the bytes itself",
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "the receiver decodes the bytes itself");

    private volatile String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
    private volatile String topic = DEFAULT_TOPIC;
    private volatile String group = DEFAULT_GROUP;
    private volatile int duplicateWindow = DEFAULT_DUPLICATE_WINDOW;
    private volatile String stateFile;
    private final Map<String, String> kafkaProperties = new LinkedHashMap<>();

    private KafkaConsumer<byte[], byte[]> consumer;
    private DuplicateWindow seen;
    private volatile long duplicatesDropped;
    private boolean decodeFailing;
    private boolean commitFailing;
    private DuplicateStateFile state;
    private boolean stateFailing;

    /** A receiver of topic {@value #DEFAULT_TOPIC} at {@value #DEFAULT_BOOTSTRAP_SERVERS}, group {@value #DEFAULT_GROUP}. */
    public KafkaReceiver() {
    }

    // ---- options

    /** The brokers to contact first, {@code host:port} separated by commas; default {@value #DEFAULT_BOOTSTRAP_SERVERS}. */
    public void setBootstrapServers(String bootstrapServers) {
        List<String> servers = bootstrapServers == null ? List.of() : OptionValues.commaList(bootstrapServers);
        if (servers.isEmpty() || !servers.stream().allMatch(server -> server.matches(".+:\\d{1,5}"))) {
            throw new IllegalArgumentException("bootstrapServers: '" + bootstrapServers + "' is not a list of"
                    + " brokers; accepted: host:port separated by commas, such as kafka1:9092,kafka2:9092");
        }
        this.bootstrapServers = String.join(",", servers);
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** The topic to read; default {@value #DEFAULT_TOPIC}. */
    public void setTopic(String topic) {
        if (topic == null || topic.isBlank() || !topic.trim().matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("topic: '" + topic + "' is not a Kafka topic name; accepted: ASCII"
                    + " letters, digits, '.', '_' and '-', at most 249 characters");
        }
        this.topic = topic.trim();
    }

    public String getTopic() {
        return topic;
    }

    /**
     * The consumer group ({@code group.id}); default {@value #DEFAULT_GROUP}. Receivers of one group share the
     * topic's partitions, each record going to one of them; each group gets every record.
     */
    public void setGroup(String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("group: '" + group + "' is blank; accepted: a consumer group name,"
                    + " such as central");
        }
        this.group = group.trim();
    }

    public String getGroup() {
        return group;
    }

    /**
     * How many sequence numbers per sender are remembered to drop a record seen already; default
     * {@value #DEFAULT_DUPLICATE_WINDOW}, 0 to drop nothing.
     */
    public void setDuplicateWindow(int duplicateWindow) {
        if (duplicateWindow < 0 || duplicateWindow > 100_000_000) {
            throw new IllegalArgumentException("duplicateWindow: " + duplicateWindow + " is out of range; accepted:"
                    + " 0 (off) to 100000000 sequence numbers per sender");
        }
        this.duplicateWindow = duplicateWindow;
    }

    public int getDuplicateWindow() {
        return duplicateWindow;
    }

    /**
     * The file the duplicate window is saved to after each batch the handlers flushed, and read back from at start,
     * so that the records a killed receiver wrote but had not committed are dropped when they are read again; none
     * (null or blank) by default: the window is then kept in memory only. Receivers of one group in one JVM may name
     * the same file (they share it); receivers of different groups must not. Put it beside the file the handlers
     * write, on local disk. Unused while {@code duplicate-window} is 0.
     */
    public void setStateFile(String stateFile) {
        if (stateFile == null || stateFile.isBlank()) {
            this.stateFile = null;
            return;
        }
        Path path;
        try {
            path = Path.of(stateFile.trim());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("stateFile: '" + stateFile + "' is not a file name (" + e.getReason()
                    + "); accepted: the path of a file to create or replace, such as /var/log/central/kafka.state");
        }
        if (path.getFileName() == null || Files.isDirectory(path)) {
            throw new IllegalArgumentException("stateFile: '" + stateFile + "' is a directory; accepted: the path of"
                    + " a file to create or replace, such as /var/log/central/kafka.state");
        }
        this.stateFile = path.toString();
    }

    public String getStateFile() {
        return stateFile;
    }

    @Override
    public Set<String> getOptionPrefixes() {
        return Set.of(PREFIX);
    }

    /**
     * {@code kafka.<property>}: a consumer property passed through, such as {@code kafka.max.poll.records=1000}.
     *
     * @throws IllegalArgumentException for a property kafka-clients does not know, one the receiver sets itself, or
     *                                  a value Kafka refuses; never repeating a password's value
     */
    @Override
    public void setPrefixedOption(String option, String value) {
        if (!option.startsWith(PREFIX) || option.length() == PREFIX.length()) {
            throw new IllegalArgumentException(option + ": accepted: kafka.<consumer property>");
        }
        String property = option.substring(PREFIX.length());
        if (OWN_PROPERTIES.containsKey(property)) {
            throw new IllegalArgumentException(property + ": not a pass-through property: "
                    + OWN_PROPERTIES.get(property));
        }
        Set<String> known = ConsumerConfig.configNames();
        if (!known.contains(property)) {
            throw new IllegalArgumentException(property + ": not a consumer property of the kafka-clients on the class"
                    + " path; accepted: the names of its ConsumerConfig" + Suggestions.didYouMean(property, known));
        }
        Map<String, String> next = new LinkedHashMap<>(kafkaProperties);
        next.put(property, value == null ? "" : value.trim());
        try {
            ConsumerConfig.configDef().parse(config(next));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(PropertyList.mayHoldSecret(property)
                    ? property + ": the value is refused by Kafka" : e.getMessage());
        }
        synchronized (kafkaProperties) {
            kafkaProperties.put(property, next.get(property));
        }
    }

    /** How many records were dropped as seen already. */
    public long getDuplicatesDropped() {
        return duplicatesDropped;
    }

    // ---- the hooks

    @Override
    protected void open() {
        Map<String, Object> config;
        synchronized (kafkaProperties) {
            config = config(kafkaProperties);
        }
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaReceiver.class.getClassLoader());
        try {
            consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } finally {
            thread.setContextClassLoader(caller);
        }
        seen = new DuplicateWindow(duplicateWindow, MAX_SENDERS);
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Every batch is committed before the next poll, in which a rebalance runs: nothing is pending.
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        });
        openState();
    }

    /** One poll: decodes and delivers the batch, flushes the handlers, then commits the batch's offsets. */
    @Override
    protected void receive(long maxNanos) {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(Duration.ofNanos(Math.min(maxNanos, MAX_POLL_NANOS)));
        } catch (WakeupException e) {
            return;
        }
        if (records.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            take(record);
            offsets.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        flushHandlers();
        saveState();
        commit(offsets);
    }

    @Override
    protected void wakeUp() {
        KafkaConsumer<byte[], byte[]> open = consumer;
        if (open != null) {
            open.wakeup();
        }
    }

    /** Every batch was delivered and committed by {@link #receive}; leaves the group so others take over at once. */
    @Override
    protected void finish() {
        if (state != null) {
            state.release(this);
            state = null;
        }
        KafkaConsumer<byte[], byte[]> open = consumer;
        if (open != null) {
            consumer = null;
            try {
                open.close(CLOSE_TIMEOUT);
            } catch (KafkaException e) {
                reportError("receiver " + getName() + ": closing the consumer of topic " + topic + " failed", e,
                        ErrorManager.CLOSE_FAILURE);
            }
        }
    }

    // ---- internals

    /** Reads the saved window back; a file that cannot be read is reported and the window starts empty. */
    private void openState() {
        stateFailing = false;
        String name = stateFile;
        if (name == null || duplicateWindow == 0) {
            return;
        }
        Path path = Path.of(name);
        try {
            state = DuplicateStateFile.open(path, group, MAX_SENDERS);
        } catch (IOException e) {
            reportError("receiver " + getName() + ": " + e.getMessage() + "; its duplicate window is kept in memory"
                    + " only", e, ErrorManager.OPEN_FAILURE);
            return;
        }
        try {
            seen.restore(state.load());
        } catch (IOException | RuntimeException e) {
            reportError("receiver " + getName() + ": could not read the duplicate window from state file " + path
                    + " (" + e.getMessage() + "); starting with an empty window, so records written before a crash"
                    + " and not yet committed may be written again; each batch replaces the file", e,
                    ErrorManager.OPEN_FAILURE);
            stateFailing = true;
        }
    }

    /**
     * Saves the window, which now holds only records the handlers flushed; a failure is reported once, and not at
     * all when reading the file at start failed already (one outage).
     */
    private void saveState() {
        if (state == null) {
            return;
        }
        try {
            state.save(this, seen.snapshot(DuplicateStateFile.MAX_RUNS));
            stateFailing = false;
        } catch (IOException | RuntimeException e) {
            if (!stateFailing) {
                stateFailing = true;
                reportError("receiver " + getName() + ": could not save the duplicate window to state file "
                        + state.path() + "; delivery goes on, but after a crash the records written since the last"
                        + " save may be written again", e, ErrorManager.WRITE_FAILURE);
            }
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> message) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : message.headers()) {
            headers.put(header.key(), header.value());
        }
        SenderHeaders.Received sender = SenderHeaders.read(headers);
        if (sender.sender() != null && sender.sequence() != null
                && !seen.firstTime(sender.sender(), sender.sequence())) {
            duplicatesDropped++;
            return;
        }
        ReceivedRecord record;
        try {
            record = decode(message, sender);
            decodeFailing = false;
        } catch (WireFormatException | IllegalArgumentException e) {
            if (!decodeFailing) {
                decodeFailing = true;
                reportError("receiver " + getName() + ": message at " + message.topic() + "-" + message.partition()
                        + " offset " + message.offset() + " is not a record; skipping it and any like it that follow",
                        e, ErrorManager.FORMAT_FAILURE);
            }
            return;
        }
        deliver(record);
    }

    private ReceivedRecord decode(ConsumerRecord<byte[], byte[]> message, SenderHeaders.Received sender)
            throws WireFormatException {
        String host = sender.host() != null ? sender.host() : "unknown";
        byte[] value = message.value() == null ? new byte[0] : message.value();
        ReceivedRecord record;
        if ("python".equals(sender.format())) {
            record = WireFormat.PYTHON.decode(value, 0, value.length, host);
        } else if (sender.format() == null || "json".equals(sender.format())) {
            record = WireFormat.JSON.decode(value, 0, value.length, host);
        } else {
            record = new ReceivedRecord(Level.INFO, new String(value, StandardCharsets.UTF_8));
            record.setLoggerName(message.topic());
            record.setInstant(java.time.Instant.ofEpochMilli(message.timestamp()));
            record.setHost(host);
        }
        if (record.getProcess() < 0 && sender.pid() != null) {
            record.setProcess(sender.pid());
        }
        return record;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
            commitFailing = false;
        } catch (WakeupException e) {
            // A stop woke the commit: commit once more, since the batch is written.
            try {
                consumer.commitSync(offsets);
            } catch (KafkaException again) {
                commitFailed(again);
            }
        } catch (KafkaException e) {
            commitFailed(e);
        }
    }

    private void commitFailed(KafkaException e) {
        if (!commitFailing) {
            commitFailing = true;
            reportError("receiver " + getName() + ": could not commit the offsets of records already written"
                    + " (topic " + topic + ", group " + group + "); they may be read again, and those the duplicate"
                    + " window still knows are dropped", e, ErrorManager.WRITE_FAILURE);
        }
    }

    private Map<String, Object> config(Map<String, String> properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(properties);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    @Override
    public String toString() {
        return "KafkaReceiver " + getName() + " (topic " + topic + ", group " + group + " at " + bootstrapServers
                + ")";
    }
}
