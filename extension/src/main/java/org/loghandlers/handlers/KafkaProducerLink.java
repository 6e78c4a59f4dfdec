package org.loghandlers.handlers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.loghandlers.handlers.wire.SenderHeaders;
import org.loghandlers.options.Suggestions;

/**
 * {@link KafkaLink} on kafka-clients' {@link KafkaProducer}: the only class of the handlers that names a Kafka type,
 * loaded only once a {@link KafkaHandler} sends its first record or checks a producer property.
 */
final class KafkaProducerLink implements KafkaLink {

    /**
     * The handler's defaults: nothing acknowledged before every in-sync replica has it, no duplicate from a retry
     * (idempotence), records sent in batches of up to 64 KiB gathered for up to 20 ms and compressed with gzip
     * (the one codec without native code, so no JVM prints a native-access warning for it).
     */
    static final Map<String, String> DEFAULTS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.LINGER_MS_CONFIG, "20",
            ProducerConfig.BATCH_SIZE_CONFIG, "65536",
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");

    /** Set by the handler's own options or fixed by it: refused as {@code kafka.*} properties. */
    private static final Map<String, String> OWN_OPTIONS = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "use the handler's option bootstrap-servers",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "use the handler's option max-block",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, "the handler sends bytes it encodes itself (see key)",
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "the handler sends bytes it encodes itself (see format)",
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, "the handler sends no transactions");

    private final KafkaProducer<byte[], byte[]> producer;
    private final Header[] fixedHeaders;

    private KafkaProducerLink(KafkaProducer<byte[], byte[]> producer, Header[] fixedHeaders) {
        this.producer = producer;
        this.fixedHeaders = fixedHeaders;
    }

    /**
     * A producer for {@code bootstrapServers} with the handler's defaults under {@code properties}, waiting at most
     * {@code maxBlock} in a send.
     *
     * @throws RuntimeException Kafka's refusal of the configuration (a {@code KafkaException})
     */
    static KafkaLink open(String bootstrapServers, Duration maxBlock, Map<String, String> properties,
            Map<String, byte[]> headers) {
        Map<String, Object> config = config(bootstrapServers, maxBlock, properties);
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        // The client loads plugins (and its I/O thread inherits a loader) from the context: make it ours, not the
        // logging thread's, which may be another application's.
        thread.setContextClassLoader(KafkaProducerLink.class.getClassLoader());
        try {
            KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                    new ByteArraySerializer());
            List<Header> fixed = new ArrayList<>();
            headers.forEach((name, value) -> fixed.add(new RecordHeader(name, value)));
            return new KafkaProducerLink(producer, fixed.toArray(new Header[0]));
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    /**
     * Checks pass-through producer properties: each must be a producer property this kafka-clients knows, not one
     * the handler sets itself, with a value Kafka accepts.
     *
     * @throws IllegalArgumentException naming the property and what is accepted (never a secret's value)
     */
    static void check(Map<String, String> properties) {
        Set<String> known = ProducerConfig.configNames();
        for (String name : properties.keySet()) {
            if (OWN_OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException(name + ": not a pass-through property: " + OWN_OPTIONS.get(name));
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException(name + ": not a producer property of the kafka-clients on the"
                        + " class path; accepted: the names of its ProducerConfig"
                        + Suggestions.didYouMean(name, known));
            }
        }
        Map<String, Object> config = config("localhost:9092", Duration.ofMillis(100), properties);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Map<String, Object> parsed;
        try {
            parsed = ProducerConfig.configDef().parse(config);
        } catch (ConfigException e) {
            // Kafka's message hides the values of its password properties.
            throw new IllegalArgumentException(e.getMessage());
        }
        boolean idempotent = Boolean.TRUE.equals(parsed.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        String acks = String.valueOf(parsed.get(ProducerConfig.ACKS_CONFIG)).toLowerCase(Locale.ROOT);
        if (idempotent && !acks.equals("all") && !acks.equals("-1")) {
            throw new IllegalArgumentException("acks=" + acks + " needs enable.idempotence=false (the handler's"
                    + " default is idempotence with acks=all)");
        }
    }

    /** The producer configuration: our defaults, then {@code properties}, then the handler's own options. */
    static Map<String, Object> config(String bootstrapServers, Duration maxBlock, Map<String, String> properties) {
        Map<String, Object> config = new HashMap<>(DEFAULTS);
        config.putAll(properties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(maxBlock.toMillis()));
        return config;
    }

    @Override
    public void send(String topic, byte[] key, byte[] value, long timestampMillis, long sequence,
            Delivery delivery) {
        RecordHeaders headers = new RecordHeaders(fixedHeaders);
        headers.add(SenderHeaders.SEQUENCE, SenderHeaders.sequence(sequence));
        SendOutcome outcome = new SendOutcome(delivery);
        producer.send(new ProducerRecord<>(topic, null, timestampMillis, key, value, headers), outcome);
        outcome.sendReturned();
    }

    @Override
    public void awaitTopic(String topic, Duration limit, BooleanSupplier stop) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!stop.getAsBoolean() && System.nanoTime() - deadline < 0) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // Not yet: the broker is starting or unreachable; each attempt waits max-block.
            }
        }
    }

    @Override
    public boolean isFullBuffer(RuntimeException refusal) {
        return refusal instanceof BufferExhaustedException;
    }

    @Override
    public boolean isMissingMetadata(RuntimeException refusal) {
        return refusal instanceof org.apache.kafka.common.errors.TimeoutException
                && !(refusal instanceof BufferExhaustedException);
    }

    @Override
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    /**
     * The callback of one send. Kafka reports a refusal inside {@code send} (no metadata or no buffer room within
     * max-block) through the callback on the calling thread instead of throwing: that one is thrown to the handler,
     * everything later goes to the {@link Delivery}.
     */
    private static final class SendOutcome implements Callback {

        private final Delivery delivery;
        private final Thread sender = Thread.currentThread();
        private boolean sending = true;
        private RuntimeException refusal;

        SendOutcome(Delivery delivery) {
            this.delivery = delivery;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception == null) {
                delivery.delivered();
            } else if (sending && Thread.currentThread() == sender && exception instanceof RuntimeException) {
                refusal = (RuntimeException) exception;
            } else {
                delivery.failed(exception);
            }
        }

        void sendReturned() {
            sending = false;
            if (refusal != null) {
                throw refusal;
            }
        }
    }
}
