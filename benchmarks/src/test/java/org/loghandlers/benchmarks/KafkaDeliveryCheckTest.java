package org.loghandlers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.loghandlers.benchmarks.DeliveryCheck.DeliveryCheckFailedException;

class KafkaDeliveryCheckTest {

    private static final String RECORD = "{\"message\":\"" + Workload.MESSAGE + "\"}";

    @Test
    void everyCallsRecordInTheTopicPassesAndIsReported() {
        String line = KafkaDeliveryCheck.verify("kafka", 1000, new TopicCount(1000, 0, RECORD, true, 123456));

        assertTrue(line.startsWith("delivery: kafka: calls 1000, received 1000, lost 0 (0.000 %)"), line);
        assertTrue(line.endsWith("allocating 123456 bytes"), line);
    }

    @Test
    void oneRecordMissingFails() {
        DeliveryCheckFailedException failure = assertThrows(DeliveryCheckFailedException.class,
                () -> KafkaDeliveryCheck.verify("kafka", 1000, new TopicCount(999, 0, RECORD, true, 0)));

        assertTrue(failure.getMessage().contains("1 lost"), failure.getMessage());
    }

    @Test
    void aDuplicateFails() {
        assertThrows(DeliveryCheckFailedException.class,
                () -> KafkaDeliveryCheck.verify("kafka", 1000, new TopicCount(1001, 0, RECORD, true, 0)));
    }

    @Test
    void aRecordThatIsNotTheWorkloadsFailsEvenWhenTheCountMatches() {
        DeliveryCheckFailedException failure = assertThrows(DeliveryCheckFailedException.class,
                () -> KafkaDeliveryCheck.verify("kafka", 1000, new TopicCount(1000, 1, "3 records lost", true, 0)));

        assertTrue(failure.getMessage().contains("3 records lost"), failure.getMessage());
    }

    @Test
    void aReadingThatStoppedBeforeTheEndFails() {
        assertThrows(DeliveryCheckFailedException.class,
                () -> KafkaDeliveryCheck.verify("kafka", 1000, new TopicCount(1000, 0, RECORD, false, 0)));
    }

    @Test
    void theWorkloadsMessageIsFoundAnywhereInTheValue() {
        byte[] message = Workload.MESSAGE.getBytes(StandardCharsets.UTF_8);

        assertTrue(TopicCount.contains(RECORD.getBytes(StandardCharsets.UTF_8), message));
        assertTrue(TopicCount.contains(message, message));
        assertFalse(TopicCount.contains("This is a debug messag".getBytes(StandardCharsets.UTF_8), message));
        assertFalse(TopicCount.contains("3 records lost".getBytes(StandardCharsets.UTF_8), message));
    }
}
