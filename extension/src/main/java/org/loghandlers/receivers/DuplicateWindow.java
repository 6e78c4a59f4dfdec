package org.loghandlers.receivers;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which sequence numbers of each sender were seen, so that a record that arrives again (replayed after a
 * rebalance or a failed commit, or sent twice) is dropped: per sender the highest number seen and which of the
 * {@code size} numbers below it were seen. A number further back than that is let through, since it cannot be told
 * from a record that is merely late; so is everything of a sender beyond the {@code maxSenders} most recent. Not
 * thread-safe: one receiver's loop uses it.
 */
final class DuplicateWindow {

    private final int size;
    private final Map<String, Seen> senders;

    DuplicateWindow(int size, int maxSenders) {
        this.size = size;
        this.senders = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > maxSenders;
            }
        };
    }

    /** Whether this is the first time {@code sequence} of {@code sender} is seen within the window; marks it seen. */
    boolean firstTime(String sender, long sequence) {
        if (size == 0) {
            return true;
        }
        return senders.computeIfAbsent(sender, id -> new Seen(size)).mark(sequence);
    }

    /** One sender's numbers: bit {@code n % size} stands for number n, for n in (highest - size, highest]. */
    private static final class Seen {

        private final int size;
        private final BitSet bits;
        private long highest = Long.MIN_VALUE;

        Seen(int size) {
            this.size = size;
            this.bits = new BitSet(size);
        }

        boolean mark(long sequence) {
            if (highest == Long.MIN_VALUE) {
                highest = sequence;
                bits.set(slot(sequence));
                return true;
            }
            if (sequence > highest) {
                long advance = sequence - highest;
                if (advance >= size) {
                    bits.clear();
                } else {
                    for (long n = highest + 1; n <= sequence; n++) {
                        bits.clear(slot(n));
                    }
                }
                highest = sequence;
                bits.set(slot(sequence));
                return true;
            }
            if (highest - sequence >= size) {
                return true;
            }
            int slot = slot(sequence);
            if (bits.get(slot)) {
                return false;
            }
            bits.set(slot);
            return true;
        }

        private int slot(long sequence) {
            return (int) Math.floorMod(sequence, (long) size);
        }
    }
}
