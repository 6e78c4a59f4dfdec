package org.loghandlers.handlers;

import java.util.ArrayList;
import java.util.List;

/**
 * The records collected for the next digest mail, at most {@code capacity} of them; records past that are only
 * counted, and the mail says how many. The envelope and subject are those of the digest's first record.
 */
final class MailDigest {

    private final List<String> records = new ArrayList<>();
    private String from;
    private List<String> to;
    private String subject;
    private long notIncluded;

    /** Adds a formatted record; true when it is the first of a new digest (so the caller schedules its mail). */
    synchronized boolean add(String from, List<String> to, String subject, String record, int capacity) {
        boolean first = records.isEmpty() && notIncluded == 0;
        if (first) {
            this.from = from;
            this.to = to;
            this.subject = subject;
        }
        if (records.size() < capacity) {
            records.add(record);
        } else {
            notIncluded++;
        }
        return first;
    }

    /** The digest as one mail, emptying it; null when it holds nothing. */
    synchronized OutgoingMail take() {
        if (records.isEmpty() && notIncluded == 0) {
            return null;
        }
        String digestSubject = records.size() + notIncluded > 1
                ? subject + " (" + (records.size() + notIncluded) + " records)" : subject;
        OutgoingMail mail = new OutgoingMail(from, to, digestSubject, records, notIncluded);
        records.clear();
        notIncluded = 0;
        return mail;
    }

    synchronized int size() {
        return records.size();
    }
}
