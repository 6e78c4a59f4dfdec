package org.loghandlers.handlers;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.loghandlers.format.PythonFormatter;
import org.loghandlers.handlers.wire.SenderHeaders;
import org.loghandlers.options.Durations;
import org.loghandlers.options.LogManagerProperties;
import org.loghandlers.options.PropertyList;
import org.loghandlers.options.Secrets;

/**
 * Sends each record to a Kafka topic, for central logging across many application instances; a Kafka receiver (or
 * any consumer) reads them back. Needs {@code org.apache.kafka:kafka-clients} beside the loghandlers jar: without
 * it this class still loads, and reports once that the artifact is missing.
 *
 * <p>A logging call encodes the record ({@link #setFormat format}) and hands it to Kafka's producer, which batches,
 * compresses and sends it on its own thread; the call waits at most {@link #setMaxBlock max-block} for room in the
 * producer's buffer. Defaults are safe: {@code acks=all}, idempotence on (a retry never duplicates a record), batches
 * gathered for 20 ms and compressed with gzip; every other producer property is passed through
 * ({@link #setKafkaProperties}). What Kafka could not take or deliver is counted ({@link #getStatistics()}),
 * reported once per outage through the error manager, and, once Kafka delivers again, sent as one WARNING record
 * {@code "N records lost by KafkaHandler 'x' (topic t) since <time>"}.
 *
 * <p>Each record carries its sender in Kafka headers ({@link SenderHeaders}): an id per handler instance, the host,
 * the process id and a sequence number, so a receiver can restore them and drop a record it already wrote.
 *
 * <p>The producer is made on a thread of its own when the first record arrives; until it has the topic's metadata,
 * and whenever it loses it (a broker restarting), records wait in a backlog of at most {@code buffer.memory} bytes,
 * so the application's first records are neither lost nor slowed ({@link KafkaDispatcher}). The options that shape
 * the producer (bootstrap servers, topic, format, max-block, the Kafka properties) are fixed from then on. Records of Kafka's own loggers
 * ({@code org.apache.kafka}) are never sent, so that the client's logging cannot loop back into it.
 */
public class KafkaHandler extends Handler {

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_TOPIC = "logs";
    /**
     * The longest a logging call waits: 100 ms. The first send to a topic needs its metadata (a round trip, a few
     * milliseconds on a LAN), and a full buffer empties at the broker's pace; 100 ms covers both when the broker is
     * healthy, and is a delay a request thread absorbs once. While Kafka cannot take records, only one call a second
     * waits this long; the others are counted as lost at once.
     */
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofMillis(100);
    /** How long {@link #close()} waits for the records still buffered to be delivered: 5 s. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** The artifact this handler needs. */
    public static final String KAFKA_CLIENTS = "org.apache.kafka:kafka-clients";

    /** The producer's default {@code buffer.memory}, also the most a backlog holds: 32 MiB. */
    private static final long DEFAULT_BUFFER_MEMORY = 32L * 1024 * 1024;
    private static final String KAFKA_LOGGERS = "org.apache.kafka";
    /** Set while this thread is inside the producer: a record the client logs then is not sent again. */
    private static final ThreadLocal<Boolean> IN_PRODUCER = new ThreadLocal<>();

    private final SenderHeaders.Sender sender = SenderHeaders.Sender.ofThisProcess();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LossTally losses = new LossTally();
    private final OutageReporter outage = new OutageReporter(this);
    private final Object state = new Object();

    private volatile String name = "kafka";
    private volatile String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
    private volatile String topic = DEFAULT_TOPIC;
    private volatile KafkaRecordKey key = KafkaRecordKey.SENDER;
    private volatile String format = KafkaPayload.JSON.configName();
    private volatile KafkaPayload payload = KafkaPayload.JSON;
    private volatile Duration maxBlock = DEFAULT_MAX_BLOCK;
    private volatile Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private volatile Map<String, String> kafkaProperties = Map.of();

    /** Made with the first record, with the options of that moment. */
    private volatile KafkaDispatcher dispatcher;
    private volatile boolean reportDue;
    private volatile boolean closed;

    /** A handler for topic {@value #DEFAULT_TOPIC} at {@value #DEFAULT_BOOTSTRAP_SERVERS}, JSON, keyed by sender. */
    public KafkaHandler() {
        setErrorManager(new ReportingErrorManager());
        LogManagerProperties.configure(this);
    }

    // ---- options

    /** Names the handler in its reports and its loss records; default {@code kafka}. */
    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: '" + name + "' is blank; expected a short name such as"
                    + " 'central'");
        }
        this.name = name.trim();
    }

    public String getName() {
        return name;
    }

    /**
     * The brokers to contact first, {@code host:port} separated by commas; default
     * {@value #DEFAULT_BOOTSTRAP_SERVERS}. Kafka's {@code bootstrap.servers}.
     *
     * @throws IllegalArgumentException unless every entry is {@code host:port}
     * @throws IllegalStateException once the producer is made
     */
    public void setBootstrapServers(String bootstrapServers) {
        List<String> servers = bootstrapServers == null ? List.of()
                : org.loghandlers.options.OptionValues.commaList(bootstrapServers);
        if (servers.isEmpty() || !servers.stream().allMatch(KafkaHandler::isHostAndPort)) {
            throw new IllegalArgumentException("bootstrapServers: '" + bootstrapServers + "' is not a list of"
                    + " brokers; accepted: host:port separated by commas, such as kafka1:9092,kafka2:9092");
        }
        synchronized (state) {
            requireNotOpened("bootstrapServers");
            this.bootstrapServers = String.join(",", servers);
        }
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The topic records go to; default {@value #DEFAULT_TOPIC}.
     *
     * @throws IllegalArgumentException unless it is a legal Kafka topic name (letters, digits, {@code . _ -}, at
     *                                  most 249 characters)
     * @throws IllegalStateException once the producer is made
     */
    public void setTopic(String topic) {
        String trimmed = topic == null ? "" : topic.trim();
        if (trimmed.isEmpty() || trimmed.length() > 249 || trimmed.equals(".") || trimmed.equals("..")
                || !trimmed.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_'
                || c == '-')) {
            throw new IllegalArgumentException("topic: '" + topic + "' is not a Kafka topic name; accepted: ASCII"
                    + " letters, digits, '.', '_' and '-', at most 249 characters");
        }
        synchronized (state) {
            requireNotOpened("topic");
            this.topic = trimmed;
        }
    }

    public String getTopic() {
        return topic;
    }

    /**
     * The Kafka key of each record, which picks its partition, so records with one key keep their order:
     * {@code sender} (default: the handler instance, so all of one sender's records stay in order),
     * {@code logger} (the logger name), {@code mdc:<key>} (that MDC value of a JBoss LogManager record; no key when
     * absent) or {@code none} (Kafka spreads records over partitions, batching best, keeping no order).
     *
     * @throws IllegalArgumentException for any other value
     */
    public void setKey(String key) {
        this.key = KafkaRecordKey.parse(key);
    }

    public String getKey() {
        return key.configName();
    }

    /**
     * What a record's value is: {@code json} (default: the one-line object of
     * {@link org.loghandlers.format.JsonFormatter}), {@code python} (the pickled attribute dict of Python's
     * {@code SocketHandler}, which {@code logging.makeLogRecord(pickle.loads(value))} reads), {@code text} (the
     * handler's formatter, {@code %(message)s} unless one is set, in the handler's encoding) or a Python format string
     * such as {@code %(asctime)s %(levelname)s %(message)s} (text with that format).
     *
     * @throws IllegalArgumentException for any other value
     * @throws IllegalStateException once the producer is made (its records say their format in a header)
     */
    public void setFormat(String format) {
        String value = format == null ? "" : format;
        KafkaPayload named = value.isBlank() ? null : KafkaPayload.named(value);
        if (named == null && !value.contains("%(")) {
            throw new IllegalArgumentException("format: '" + format + "' is not a record format; accepted: json,"
                    + " python, text, or a Python format string such as %(asctime)s %(levelname)s %(message)s");
        }
        PythonFormatter formatter = named == null ? new PythonFormatter(value) : null;
        synchronized (state) {
            requireNotOpened("format");
            if (formatter != null) {
                setFormatter(formatter);
            }
            this.payload = named != null ? named : KafkaPayload.TEXT;
            this.format = named != null ? named.configName() : value;
        }
    }

    public String getFormat() {
        return format;
    }

    /**
     * The longest a logging call waits for Kafka to take a record (Kafka's {@code max.block.ms}); default 100 ms
     * (see {@link #DEFAULT_MAX_BLOCK}), a time option as every handler reads one ({@link Durations}: {@code 0.25},
     * {@code 250ms}, {@code PT0.25S}).
     *
     * @throws IllegalArgumentException unless it is a span of time from 0 to under one minute
     * @throws IllegalStateException once the producer is made
     */
    public void setMaxBlock(String maxBlock) {
        Duration parsed = Duration.ofMillis(Durations.millis("maxBlock", maxBlock, 0, 59_999));
        synchronized (state) {
            requireNotOpened("maxBlock");
            this.maxBlock = parsed;
        }
    }

    public String getMaxBlock() {
        return Durations.format(maxBlock.toMillis());
    }

    /**
     * How long {@link #close()} waits for buffered records to be delivered; default 5 s. What is still pending then
     * is counted as lost and reported.
     *
     * @throws IllegalArgumentException unless it is a duration
     */
    public void setCloseTimeout(String closeTimeout) {
        this.closeTimeout = Duration.ofMillis(Durations.millis("closeTimeout", closeTimeout, 0,
                Durations.DAY_MILLIS));
    }

    public String getCloseTimeout() {
        return Durations.format(closeTimeout.toMillis());
    }

    /**
     * Producer properties passed to Kafka as they are, over the handler's defaults ({@code acks=all},
     * {@code enable.idempotence=true}, {@code linger.ms=20}, {@code batch.size=65536},
     * {@code compression.type=gzip}): {@code name=value} separated by commas, a comma in a value written {@code \,}
     * ({@code compression.type=zstd,linger.ms=50}). In MicroProfile Config each is also a key of its own,
     * {@code loghandlers.handler.<name>.kafka.<property>}. Replaces what an earlier call set.
     *
     * @throws IllegalArgumentException for a property kafka-clients does not know, one the handler sets itself
     *                                  ({@code bootstrap.servers}, {@code max.block.ms}, the serializers,
     *                                  {@code transactional.id}) or a value Kafka refuses; the message never
     *                                  repeats a password's value
     * @throws IllegalStateException once the producer is made
     */
    public void setKafkaProperties(String kafkaProperties) {
        Map<String, String> parsed = PropertyList.parse(kafkaProperties);
        try {
            KafkaProducerLink.check(parsed);
        } catch (LinkageError e) {
            // Without kafka-clients nothing can be checked; the first record reports the missing artifact.
        }
        synchronized (state) {
            requireNotOpened("kafkaProperties");
            this.kafkaProperties = Map.copyOf(parsed);
        }
    }

    /** The pass-through properties in the form {@link #setKafkaProperties} reads, secrets' values hidden. */
    public String getKafkaProperties() {
        Map<String, String> shown = new java.util.TreeMap<>(kafkaProperties);
        shown.replaceAll((property, value) -> PropertyList.mayHoldSecret(property) ? Secrets.HIDDEN : value);
        return PropertyList.format(shown);
    }

    /** A snapshot of the counters: accepted, delivered, lost. */
    public KafkaStatistics getStatistics() {
        return new KafkaStatistics(name, topic, accepted.sum(), delivered.sum(), losses.total());
    }

    /** The sender id this handler instance puts in every record's {@code loghandlers.sender} header. */
    public String getSenderId() {
        return sender.id();
    }

    // ---- Handler

    /** Sends {@code record} if its level and the filter accept it; never throws, waits at most max-block. */
    @Override
    public void publish(LogRecord record) {
        if (record == null || closed || !isLoggable(record) || isKafkasOwn(record)
                || IN_PRODUCER.get() != null) {
            return;
        }
        IN_PRODUCER.set(Boolean.TRUE);
        try {
            sendLossReportIfDue();
            take(record);
        } finally {
            IN_PRODUCER.remove();
        }
    }

    /**
     * Sends the loss record if one is due. Does not wait for delivery: Kafka sends each batch within
     * {@code linger.ms} by itself, and a flush that waited could hold a queue's listener for Kafka's whole delivery
     * timeout during an outage.
     */
    @Override
    public void flush() {
        if (closed || IN_PRODUCER.get() != null) {
            return;
        }
        IN_PRODUCER.set(Boolean.TRUE);
        try {
            sendLossReportIfDue();
        } finally {
            IN_PRODUCER.remove();
        }
    }

    /**
     * Delivers what is buffered within {@link #setCloseTimeout close-timeout}, then closes the producer; what could
     * not be delivered is counted and reported. Later records are ignored. Idempotent.
     */
    @Override
    public void close() {
        KafkaDispatcher made;
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            made = dispatcher;
        }
        if (made != null) {
            IN_PRODUCER.set(Boolean.TRUE);
            try {
                reportDue = losses.hasUnreported();
                sendLossReportIfDue(made);
                made.close(closeTimeout);
            } finally {
                IN_PRODUCER.remove();
            }
        }
        LossTally.Report unreported = losses.take();
        if (unreported != null) {
            reportError(unreported.message(describe()) + " (counted at close: Kafka could not take or deliver"
                    + " them in time)", null, ErrorManager.CLOSE_FAILURE);
        }
    }

    // ---- sending

    private void take(LogRecord record) {
        accepted.increment();
        KafkaDispatcher.Outgoing outgoing;
        try {
            outgoing = new KafkaDispatcher.Outgoing(key.of(record, sender),
                    payload.encode(record, textFormatter(), charset()), record.getMillis());
        } catch (RuntimeException e) {
            lose(describe() + ": could not encode a record of logger " + record.getLoggerName(), e,
                    ErrorManager.FORMAT_FAILURE);
            return;
        }
        dispatcher().dispatch(outgoing);
    }

    private KafkaDispatcher dispatcher() {
        KafkaDispatcher made = dispatcher;
        if (made != null) {
            return made;
        }
        synchronized (state) {
            if (dispatcher == null) {
                String bufferMemory = kafkaProperties.get("buffer.memory");
                dispatcher = new KafkaDispatcher(new KafkaDispatcher.Settings(describe(), bootstrapServers, topic,
                        maxBlock, kafkaProperties, SenderHeaders.fixed(sender, payload.configName()),
                        bufferMemory != null ? Long.parseLong(bufferMemory.trim()) : DEFAULT_BUFFER_MEMORY),
                        new Listener());
            }
            return dispatcher;
        }
    }

    private void sendLossReportIfDue() {
        KafkaDispatcher made = dispatcher;
        if (made != null) {
            sendLossReportIfDue(made);
        }
    }

    private void sendLossReportIfDue(KafkaDispatcher made) {
        if (!reportDue) {
            return;
        }
        reportDue = false;
        LossTally.Report report = losses.take();
        if (report == null) {
            return;
        }
        LogRecord warning = new LogRecord(Level.WARNING, report.message(describe()));
        warning.setLoggerName(KafkaHandler.class.getName());
        warning.setSourceClassName(null);
        warning.setSourceMethodName(null);
        take(warning);
    }

    private void lose(String message, Exception cause, int code) {
        losses.add();
        if (message != null) {
            outage.failed(message, cause, code);
        }
    }

    /** The dispatcher's and the Kafka client's answers; the client's come on its I/O thread. */
    private final class Listener implements KafkaDispatcher.Listener {

        @Override
        public void delivered() {
            delivered.increment();
            if (outage.inOutage() || losses.hasUnreported()) {
                outage.succeeded();
                reportDue = losses.hasUnreported();
            }
        }

        @Override
        public void failed(Exception cause) {
            lose(describe() + ": Kafka could not deliver a record; records are counted as lost until one is"
                    + " delivered again", cause, ErrorManager.WRITE_FAILURE);
        }

        @Override
        public void lost(String message, Exception cause, int code) {
            lose(message, cause, code);
        }
    }

    // ---- internals

    private Formatter textFormatter() {
        Formatter formatter = getFormatter();
        return formatter != null ? formatter : DefaultText.FORMATTER;
    }

    private Charset charset() {
        String encoding = getEncoding();
        return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    }

    private static boolean isKafkasOwn(LogRecord record) {
        String logger = record.getLoggerName();
        return logger != null && logger.startsWith(KAFKA_LOGGERS)
                && (logger.length() == KAFKA_LOGGERS.length() || logger.charAt(KAFKA_LOGGERS.length()) == '.');
    }

    private void requireNotOpened(String option) {
        if (dispatcher != null) {
            throw new IllegalStateException(option + ": cannot be changed once " + describe() + " has made its"
                    + " producer (on its first record)");
        }
    }

    private static boolean isHostAndPort(String server) {
        int colon = server.lastIndexOf(':');
        if (colon <= 0 || colon == server.length() - 1) {
            return false;
        }
        try {
            int port = Integer.parseInt(server.substring(colon + 1));
            return port > 0 && port < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    protected void reportError(String message, Exception cause, int code) {
        getErrorManager().error(message, cause, code);
    }

    /** Names this handler in reports: {@code KafkaHandler 'central' (topic logs)}. */
    protected String describe() {
        return getClass().getSimpleName() + " '" + name + "' (topic " + topic + ")";
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The formatter of {@code text} when none is set: Python's default, the bare message. */
    private static final class DefaultText {
        static final Formatter FORMATTER = new PythonFormatter(PythonFormatter.DEFAULT_FORMAT);
    }
}
