package org.loghandlers.receivers;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers which sequence numbers of each sender were seen, so that a record that arrives again (replayed after a
 * rebalance or a failed commit, or sent twice) is dropped: per sender the highest number seen and which of the
 * {@code size} numbers below it were seen. A number further back than that is let through, since it cannot be told
 * from a record that is merely late; so is everything of a sender beyond the {@code maxSenders} most recent. Not
 * thread-safe: one receiver's loop uses it. {@link #snapshot()} and {@link #restore} carry it over a restart
 * ({@link DuplicateStateFile}).
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

    /**
     * What the window knows, eldest sender first: per sender the highest number and the runs of numbers seen within
     * the window, at most {@code maxRuns} (the highest kept; a number left out is let through once more after a
     * restore, never dropped wrongly). A sender unchanged since the last snapshot costs nothing to list again.
     */
    Map<String, SenderState> snapshot(int maxRuns) {
        Map<String, SenderState> snapshot = new LinkedHashMap<>();
        senders.forEach((sender, seen) -> snapshot.put(sender, seen.state(maxRuns)));
        return snapshot;
    }

    /** Marks as seen what a {@link #snapshot()} listed, the numbers below the window left out. */
    void restore(Map<String, SenderState> states) {
        if (size == 0) {
            return;
        }
        states.forEach((sender, state) -> senders.computeIfAbsent(sender, id -> new Seen(size)).restore(state));
    }

    /**
     * One sender's part of a snapshot: {@code highest} and runs {@code [from, to]} of numbers seen, ascending, not
     * touching each other.
     */
    record SenderState(long highest, List<long[]> runs) {
    }

    /** One sender's numbers: bit {@code n % size} stands for number n, for n in (highest - size, highest]. */
    private static final class Seen {

        private final int size;
        private final BitSet bits;
        private long highest = Long.MIN_VALUE;
        private SenderState listed;

        Seen(int size) {
            this.size = size;
            this.bits = new BitSet(size);
        }

        boolean mark(long sequence) {
            boolean first = markNew(sequence);
            if (first) {
                listed = null;
            }
            return first;
        }

        private boolean markNew(long sequence) {
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

        SenderState state(int maxRuns) {
            if (listed == null || listed.runs().size() > maxRuns) {
                List<long[]> runs = new ArrayList<>();
                long lowest = highest - size + 1;
                int start = slot(lowest);
                addRuns(runs, start, size, lowest - start);
                addRuns(runs, 0, start, lowest + size - start);
                if (runs.size() > maxRuns) {
                    runs = new ArrayList<>(runs.subList(runs.size() - maxRuns, runs.size()));
                }
                listed = new SenderState(highest, List.copyOf(runs));
            }
            return listed;
        }

        /** Adds the runs of set slots in [from, to), slot s standing for number base + s. */
        private void addRuns(List<long[]> runs, int from, int to, long base) {
            int set = bits.nextSetBit(from);
            while (set >= 0 && set < to) {
                int clear = Math.min(bits.nextClearBit(set), to);
                long first = base + set;
                long last = base + clear - 1;
                long[] previous = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (previous != null && previous[1] + 1 == first) {
                    previous[1] = last;
                } else {
                    runs.add(new long[] {first, last});
                }
                set = clear < to ? bits.nextSetBit(clear) : -1;
            }
        }

        void restore(SenderState state) {
            if (highest == Long.MIN_VALUE) {
                highest = state.highest();
            } else if (state.highest() > highest) {
                markNew(state.highest());
            }
            long lowest = highest - size + 1;
            for (long[] run : state.runs()) {
                long from = Math.max(run[0], lowest);
                long to = Math.min(run[1], highest);
                if (from > to) {
                    continue;
                }
                if (to - from + 1 >= size) {
                    bits.set(0, size);
                } else if (slot(from) <= slot(to)) {
                    bits.set(slot(from), slot(to) + 1);
                } else {
                    bits.set(slot(from), size);
                    bits.set(0, slot(to) + 1);
                }
            }
            listed = null;
        }

        private int slot(long sequence) {
            return (int) Math.floorMod(sequence, (long) size);
        }
    }
}
