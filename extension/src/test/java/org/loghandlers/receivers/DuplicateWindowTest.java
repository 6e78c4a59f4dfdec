package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
