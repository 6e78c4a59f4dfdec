package org.loghandlers.handlers;

import java.time.Instant;

/**
 * A count of records that did not reach a mailbox for one reason, and since when, until a mail has told the
 * recipients about them: a mail takes a {@link #snapshot()}, and only when it was sent are those records
 * {@link #told told}, so a notice is never lost with a mail that failed.
 */
final class MailTally {

    /** What a mail is about to say. */
    record Snapshot(long count, Instant since) {
    }

    private long count;
    private long total;
    private Instant since;

    synchronized void add(long records, Instant now) {
        if (records <= 0) {
            return;
        }
        if (count == 0) {
            since = now;
        }
        count += records;
        total += records;
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(count, since);
    }

    /** The records of {@code told} were announced in a mail that was sent. */
    synchronized void told(Snapshot told) {
        count = Math.max(0, count - told.count());
        if (count == 0) {
            since = null;
        }
    }

    /** Every record counted since the handler was made, told or not. */
    synchronized long total() {
        return total;
    }
}
