package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.logging.LogManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The suite runs twice: on the JDK's LogManager (Payara, Weld SE) and on JBoss LogManager (WildFly). */
@Tag(Containers.WELD_SE)
class LogManagerInUseTest {

    @Test
    void theLogManagerIsTheOneThisRunAskedFor() {
        String asked = System.getProperty("java.util.logging.manager", LogManager.class.getName());
        assertEquals(asked, LogManager.getLogManager().getClass().getName());
    }
}
