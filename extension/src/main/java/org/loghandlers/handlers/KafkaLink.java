package org.loghandlers.handlers;

import java.time.Duration;

/**
 * What {@link KafkaHandler} needs of a Kafka producer, in types of the JDK only, so that the handler class loads and
 * reports clearly when kafka-clients is not on the class path. {@link KafkaProducerLink} is the one implementation.
 */
interface KafkaLink {

    /** Told once per record handed to {@link #send}, on the client's I/O thread. */
    interface Delivery {

        void delivered();

        void failed(Exception cause);
    }

    /**
     * Hands a record to the client, waiting at most the producer's max-block for metadata and buffer room. The
     * record's Kafka timestamp is {@code timestampMillis}; its headers are the sender's and {@code sequence}.
     *
     * @throws RuntimeException the client refused it; {@link #isFullBuffer} and {@link #isMissingMetadata} say why
     */
    void send(String topic, byte[] key, byte[] value, long timestampMillis, long sequence, Delivery delivery);

    /**
     * Waits until the client has {@code topic}'s metadata, at most {@code limit} or until {@code stop} says so;
     * returns either way, so that the records waiting are then sent or counted.
     *
     * @throws RuntimeException when the broker refuses the topic (not authorized, for instance)
     */
    void awaitTopic(String topic, Duration limit, java.util.function.BooleanSupplier stop);

    /** Whether {@code refusal}, thrown by {@link #send}, means the producer's buffer stayed full for max-block. */
    boolean isFullBuffer(RuntimeException refusal);

    /** Whether {@code refusal}, thrown by {@link #send}, means the producer had no metadata for the topic in time. */
    boolean isMissingMetadata(RuntimeException refusal);

    /** Sends what is buffered, waiting at most {@code timeout}; records still pending then are failed. */
    void close(Duration timeout);
}
