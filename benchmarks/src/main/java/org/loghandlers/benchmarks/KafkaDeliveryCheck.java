package org.loghandlers.benchmarks;

import java.util.Locale;

import org.loghandlers.benchmarks.DeliveryCheck.DeliveryCheckFailedException;

/**
 * Compares the logging calls of one iteration with what a consumer read back from the iteration's topic: every
 * call's record must be there, exactly once, and nothing else (a loss report of the handler counts as a failure
 * too: it says records were lost).
 */
final class KafkaDeliveryCheck {

    private KafkaDeliveryCheck() {
    }

    /**
     * Throws {@link DeliveryCheckFailedException} unless the topic holds exactly one workload record per call and
     * nothing else; otherwise returns the line that reports them:
     * {@code delivery: <description>: calls C, received R, lost 0 (0.000 %); Kafka topic, read back by a consumer
     * allocating B bytes}.
     */
    static String verify(String description, long calls, TopicCount count) {
        if (!count.complete()) {
            fail(description, String.format("the consumer read %,d records but did not reach the topic's end within"
                    + " %s", count.records(), KafkaScenario.CONSUME_TIMEOUT));
        }
        if (count.others() > 0) {
            fail(description, String.format("%,d records in the topic are not the workload's (a loss report, or"
                    + " foreign records); the first is: %s", count.others(), count.first()));
        }
        if (count.workload() > calls) {
            fail(description, String.format("%,d calls but %,d records in the topic: %,d more (duplicated)", calls,
                    count.workload(), count.workload() - calls));
        }
        if (count.workload() < calls) {
            fail(description, String.format("%,d calls but %,d records in the topic: %,d lost; a throughput figure"
                    + " counts only when every record is delivered", calls, count.workload(),
                    calls - count.workload()));
        }
        return String.format(Locale.ROOT, "delivery: %s: calls %d, received %d, lost 0 (0.000 %%); Kafka topic, read"
                + " back by a consumer allocating %d bytes", description, calls, count.workload(), count.allocated());
    }

    private static void fail(String description, String what) {
        throw new DeliveryCheckFailedException(description + " (Kafka topic, read back by a consumer): " + what);
    }
}
