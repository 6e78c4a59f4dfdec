package org.loghandlers.handlers.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.loghandlers.format.JBossLevel;

/** Python's facility and priority tables, mapPriority and encodePriority. */
class SyslogPriorityTest {

    private static int pri(int facility, Level level) {
        return SyslogPriority.encodePriority(facility,
                SyslogPriority.priority(SyslogPriority.mapPriority(SyslogPriority.levelName(level))));
    }

    @Test
    void levelsGiveThePrioritiesPythonVerified() {
        assertEquals(15, pri(SyslogPriority.LOG_USER, JBossLevel.DEBUG));
        assertEquals(15, pri(SyslogPriority.LOG_USER, Level.FINEST));
        assertEquals(14, pri(SyslogPriority.LOG_USER, Level.INFO));
        assertEquals(14, pri(SyslogPriority.LOG_USER, Level.CONFIG));
        assertEquals(12, pri(SyslogPriority.LOG_USER, Level.WARNING));
        assertEquals(11, pri(SyslogPriority.LOG_USER, Level.SEVERE));
        assertEquals(10, pri(SyslogPriority.LOG_USER, JBossLevel.FATAL));
        assertEquals(190, pri(SyslogPriority.facility("local7"), Level.INFO));
    }

    @Test
    void aLevelNamePythonsMapDoesNotKnowIsWarning() {
        assertEquals("warning", SyslogPriority.mapPriority("NOTSET"));
        assertEquals("warning", SyslogPriority.mapPriority("Level 5"));
        assertEquals(12, pri(SyslogPriority.LOG_USER, Level.ALL));
    }

    @Test
    void facilitiesArePythonsNamesInAnyCaseOrNumbers() {
        assertEquals(0, SyslogPriority.facility("kern"));
        assertEquals(13, SyslogPriority.facility("security"));
        assertEquals(15, SyslogPriority.facility("solaris-cron"));
        assertEquals(16, SyslogPriority.facility("LOCAL0"));
        assertEquals(23, SyslogPriority.facility("23"));
        assertEquals("local3", SyslogPriority.facilityName(19));
        assertEquals(24, SyslogPriority.facilityNames().size());
    }

    @Test
    void anUnknownFacilityNamesTheValueWhatIsAcceptedAndTheClosestName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyslogPriority.facility("locl0"));
        assertTrue(e.getMessage().startsWith("facility: 'locl0' is not a syslog facility; expected one of kern, user,"),
                e.getMessage());
        assertTrue(e.getMessage().contains("local7 or a number 0 to 23; did you mean local0?"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SyslogPriority.facility("24"));
        assertThrows(IllegalArgumentException.class, () -> SyslogPriority.facility("-1"));
    }

    @Test
    void priorityNamesAreExactlyPythons() {
        assertEquals(0, SyslogPriority.priority("panic"));
        assertEquals(2, SyslogPriority.priority("crit"));
        assertEquals(4, SyslogPriority.priority("warn"));
        assertEquals(5, SyslogPriority.priority("notice"));
        assertThrows(IllegalArgumentException.class, () -> SyslogPriority.priority("WARNING"));
    }
}
