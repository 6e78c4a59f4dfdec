package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.cdi.LogHandler;
import org.loghandlers.handlers.NtEventLogHandler;

/**
 * Type {@code nt-event-log} from {@code microprofile-config.properties}: built with its options and attached. The
 * event log exists only on Windows, and there is no JNA in the tck's class path; elsewhere the handler says so once
 * and discards its records, which is what a user sees when deploying the same configuration on Linux.
 */
@Tag(Containers.WELD_SE)
class NtEventLogTypeTest {

    @TempDir
    Path work;

    /** Keeps the messages a handler reports. */
    static final class Reports extends ErrorManager {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void error(String message, Exception cause, int code) {
            messages.add(message);
        }
    }

    @Test
    void isBuiltWithItsOptionsAndAwayFromWindowsSaysOnceThatItDiscardsRecords() {
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.events.type=nt-event-log
                loghandlers.handler.events.appname=Billing
                loghandlers.handler.events.dllname=C:/billing/messages.dll
                loghandlers.handler.events.logtype=system
                loghandlers.handler.events.level=WARNING
                loghandlers.handler.events.format=%(levelname)s %(message)s
                loghandlers.handler.events.loggers=tck.events
                """)) {
            NtEventLogHandler events = (NtEventLogHandler) deployment.container()
                    .select(Handler.class, LogHandler.Literal.of("events")).get();
            assertEquals("Billing", events.getAppname());
            assertEquals("System", events.getLogtype());
            assertEquals("C:/billing/messages.dll", events.getDllname());
            assertEquals(Level.WARNING, events.getLevel());
            Logger logger = Logger.getLogger("tck.events");
            assertTrue(List.of(logger.getHandlers()).contains(events));

            assumeFalse(System.getProperty("os.name").startsWith("Windows"), "on Windows it writes to the event log");
            Reports reports = new Reports();
            events.setErrorManager(reports);
            logger.severe("first");
            logger.info("below the handler's level");
            logger.warning("second");
            logger.warning("third");
            assertEquals(List.of("NtEventLogHandler (appname 'Billing', logtype System): the Windows event log exists"
                    + " only on Windows, and this is " + System.getProperty("os.name") + "; records to this handler"
                    + " are discarded"), reports.messages);
            assertEquals(3, events.getLostRecordCount());
        }
    }

    @Test
    void anUnknownLogtypeFailsTheDeploymentNamingTheKeyTheValueAndTheAcceptedLogs() {
        DeploymentException failure = assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work, """
                loghandlers.handler.events.type=nt-event-log
                loghandlers.handler.events.appname=Billing
                loghandlers.handler.events.logtype=Aplication
                """).close());
        assertTrue(failure.getMessage().contains("loghandlers.handler.events.logtype=Aplication: refused by"
                + " NtEventLogHandler.setLogtype: logtype: 'Aplication' is not an event log; accepted: Application,"
                + " System, Security; did you mean Application?"), failure.getMessage());
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }
}
