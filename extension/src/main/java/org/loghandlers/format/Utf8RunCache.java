package org.loghandlers.format;

import java.util.Arrays;

/**
 * The UTF-8 bytes of one stretch of a format that changes only with the level, thread and logger names in it (in
 * {@code "%(asctime)s %(levelname)s [%(threadName)s] %(name)s - %(message)s"}, everything between the date and the
 * message), kept for the few combinations of those names an application keeps logging with, so that a record copies
 * that stretch in one go instead of assembling it piece by piece.
 *
 * <p>A small table indexed by the names' hashes. A combination that finds its slot taken is assembled as without a
 * table; it takes the slot only if the combination there was not used since the previous such miss, so a busy
 * combination is not pushed out by a rare one and alternating combinations do not allocate on every record. Safe
 * for concurrent use: an entry is immutable but for its used mark, whose lost updates only make a choice of what to
 * keep less exact.
 */
final class Utf8RunCache {

    /** Longer stretches are not kept: they come from unusual names and would pin memory. */
    private static final int MAX_KEPT_LENGTH = 512;
    private static final int SLOTS = 64;

    private final Entry[] entries = new Entry[SLOTS];

    /** The bytes kept for these names ({@code second} and {@code third} null when the stretch has fewer), or null. */
    byte[] find(String first, String second, String third) {
        Entry entry = entries[slot(first, second, third)];
        if (entry == null || !entry.matches(first, second, third)) {
            return null;
        }
        if (!entry.used) {
            entry.used = true;
        }
        return entry.utf8;
    }

    /**
     * Offers the stretch just assembled for names {@link #find} did not know, {@code bytes[from, to)}: kept when
     * its slot is free or holds a combination unused since the last miss there.
     */
    void offer(String first, String second, String third, byte[] bytes, int from, int to) {
        if (to - from > MAX_KEPT_LENGTH) {
            return;
        }
        int slot = slot(first, second, third);
        Entry current = entries[slot];
        if (current != null && current.used) {
            current.used = false;
            return;
        }
        entries[slot] = new Entry(first, second, third, Arrays.copyOfRange(bytes, from, to));
    }

    private static int slot(String first, String second, String third) {
        int hash = (first.hashCode() * 31 + hash(second)) * 31 + hash(third);
        return (hash ^ hash >>> 16) & (SLOTS - 1);
    }

    private static int hash(String text) {
        return text == null ? 0 : text.hashCode();
    }

    private static final class Entry {
        final String first;
        final String second;
        final String third;
        final byte[] utf8;
        boolean used;

        Entry(String first, String second, String third, byte[] utf8) {
            this.first = first;
            this.second = second;
            this.third = third;
            this.utf8 = utf8;
        }

        boolean matches(String first, String second, String third) {
            return same(this.first, first) && same(this.second, second) && same(this.third, third);
        }

        private static boolean same(String kept, String asked) {
            return kept == asked || kept != null && kept.equals(asked);
        }
    }
}
