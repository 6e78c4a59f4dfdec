package org.loghandlers.handlers;

/**
 * A snapshot of a {@link KafkaHandler}'s counters. Every record the handler takes is {@code accepted}, then either
 * {@code delivered} (acknowledged by the broker) or {@code lost} (Kafka could not take it within max-block, or could
 * not deliver it within its delivery timeout); those still on their way are {@code pending}. Loss reports the handler
 * sends itself are counted as records too. The counters are read one after another, so a snapshot taken while
 * records flow may be off by the records in flight.
 *
 * @param name      the handler's name
 * @param topic     the topic it sends to
 * @param accepted  records taken (past its level and filter)
 * @param delivered records the broker acknowledged
 * @param lost      records Kafka could not take or deliver
 */
public record KafkaStatistics(String name, String topic, long accepted, long delivered, long lost) {

    /** Records accepted and neither delivered nor lost yet. */
    public long pending() {
        return accepted - delivered - lost;
    }
}
