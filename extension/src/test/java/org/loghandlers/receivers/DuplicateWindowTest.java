package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DuplicateWindowTest {

    @Test
    void aSequenceNumberSeenAgainWithinTheWindowIsADuplicate() {
        DuplicateWindow window = new DuplicateWindow(8, 10);
        assertTrue(window.firstTime("a", 1));
        assertTrue(window.firstTime("a", 2));
        assertFalse(window.firstTime("a", 1));
        assertFalse(window.firstTime("a", 2));
        assertTrue(window.firstTime("b", 1), "another sender's numbers are its own");
    }

    @Test
    void aLateNumberIsTakenOnceAndOneBeyondTheWindowIsLetThrough() {
        DuplicateWindow window = new DuplicateWindow(8, 10);
        assertTrue(window.firstTime("a", 10));
        assertTrue(window.firstTime("a", 5), "late, within the window, first time");
        assertFalse(window.firstTime("a", 5));
        assertTrue(window.firstTime("a", 2), "further back than the window: cannot be told from a late one");
        assertTrue(window.firstTime("a", 30), "a jump clears the window");
        assertTrue(window.firstTime("a", 25));
        assertFalse(window.firstTime("a", 25));
        assertTrue(window.firstTime("a", 10), "from before the jump, beyond the window");
    }

    @Test
    void slotsReusedAfterTheWindowMovesOnAreClear() {
        DuplicateWindow window = new DuplicateWindow(4, 10);
        for (long n = 1; n <= 4; n++) {
            assertTrue(window.firstTime("a", n));
        }
        assertTrue(window.firstTime("a", 5), "slot of 1, cleared when 5 became the highest");
        assertTrue(window.firstTime("a", 7));
        assertTrue(window.firstTime("a", 6), "slot of 2, cleared when the window passed it");
        assertFalse(window.firstTime("a", 7));
    }

    @Test
    void offDropsNothingAndTheLongestUnseenSenderIsForgottenFirst() {
        DuplicateWindow off = new DuplicateWindow(0, 10);
        assertTrue(off.firstTime("a", 1));
        assertTrue(off.firstTime("a", 1));
        DuplicateWindow two = new DuplicateWindow(8, 2);
        two.firstTime("a", 1);
        two.firstTime("b", 1);
        two.firstTime("a", 2);
        two.firstTime("c", 1);
        assertFalse(two.firstTime("a", 1), "a was seen recently and is kept");
        assertTrue(two.firstTime("b", 1), "b was forgotten for c");
    }

    @Test
    void aRestoredWindowDropsExactlyWhatTheSnapshotSawGapsIncluded() {
        DuplicateWindow before = new DuplicateWindow(8, 10);
        for (long n : new long[] {3, 4, 5, 7, 9, 10}) {
            before.firstTime("a", n);
        }
        before.firstTime("b", 1);
        Map<String, DuplicateWindow.SenderState> snapshot = before.snapshot(100);
        assertEquals(List.of("3..5", "7..7", "9..10"), runs(snapshot.get("a")));
        assertEquals(10, snapshot.get("a").highest());

        DuplicateWindow after = new DuplicateWindow(8, 10);
        after.restore(snapshot);
        for (long n : new long[] {3, 4, 5, 7, 9, 10}) {
            assertFalse(after.firstTime("a", n), n + " was seen before the restart");
        }
        assertTrue(after.firstTime("a", 6), "6 was never seen: a gap is not a duplicate");
        assertTrue(after.firstTime("a", 8), "8 was never seen");
        assertTrue(after.firstTime("a", 11), "a number past the highest is new");
        assertFalse(after.firstTime("b", 1));
        assertTrue(after.firstTime("b", 2));
    }

    @Test
    void aSnapshotOfAWrappedWindowListsNumbersNotSlotsAndKeepsTheHighestRuns() {
        DuplicateWindow window = new DuplicateWindow(8, 10);
        for (long n = 1; n <= 13; n++) {
            if (n != 11) {
                window.firstTime("a", n);
            }
        }
        assertEquals(List.of("6..10", "12..13"), runs(window.snapshot(10).get("a")),
                "the window holds 6..13, wrapping round its slots");
        assertEquals(List.of("12..13"), runs(window.snapshot(1).get("a")), "a bounded snapshot keeps the highest");
        DuplicateWindow restored = new DuplicateWindow(8, 10);
        restored.restore(window.snapshot(1));
        assertTrue(restored.firstTime("a", 10), "a run left out is let through, never dropped wrongly");
        assertFalse(restored.firstTime("a", 12));
    }

    private static List<String> runs(DuplicateWindow.SenderState state) {
        return state.runs().stream().map(run -> run[0] + ".." + run[1]).toList();
    }
}
