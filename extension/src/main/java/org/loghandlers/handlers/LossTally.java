package org.loghandlers.handlers;

import java.time.Instant;

/**
 * Counts records a handler could not deliver, and hands out the count not yet reported with the time of its first
 * loss, for the warning record a handler sends once it delivers again.
 */
final class LossTally {

    /** How many records were lost since when. */
    record Report(long count, Instant since) {

        /** The warning's text: {@code "12 records lost by KafkaHandler 'central' (topic logs) since <time>"}. */
        String message(String lostBy) {
            return count + (count == 1 ? " record" : " records") + " lost by " + lostBy + " since " + since;
        }
    }

    private long lost;
    private long reported;
    private Instant firstUnreported;

    synchronized void add() {
        lost++;
        if (firstUnreported == null) {
            firstUnreported = Instant.now();
        }
    }

    synchronized long total() {
        return lost;
    }

    synchronized boolean hasUnreported() {
        return lost > reported;
    }

    /** The losses not yet reported, marking them reported; null when there are none. */
    synchronized Report take() {
        if (lost == reported) {
            return null;
        }
        Report report = new Report(lost - reported, firstUnreported);
        reported = lost;
        firstUnreported = null;
        return report;
    }
}
