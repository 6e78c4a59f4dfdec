package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.util.logging.LogManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The suite runs twice: on the JDK's LogManager (Payara, Weld SE) and on JBoss LogManager (WildFly). What this run
 * asked for is read from the JVM's command line: JBoss LogManager's {@code System.LoggerFinder} sets the system
 * property itself once something (the JDK's HttpClient) asks it for a logger, even in the JDK's run.
 */
@Tag(Containers.WELD_SE)
class LogManagerInUseTest {

    private static final String OPTION = "-Djava.util.logging.manager=";

    @Test
    void theLogManagerIsTheOneThisRunAskedFor() {
        String asked = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith(OPTION)).map(argument -> argument.substring(OPTION.length()))
                .reduce((first, last) -> last).orElse(LogManager.class.getName());
        assertEquals(asked, LogManager.getLogManager().getClass().getName());
    }
}
