package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.logging.MDC;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loghandlers.cdi.LogHandler;

/**
 * On WildFly, records come from JBoss LogManager as {@code ExtLogRecord}s: the MDC an application sets with JBoss
 * Logging's API reaches our handlers, directly and through a queue (which copies it on the logging thread). The
 * record is looked at by reflection, as the deployment sees WildFly's own copy of the class.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.WILDFLY)
class WildFlyRecordsTest {

    @Deployment
    static Archive<?> deployment() {
        return Deployments.archive("wildfly-records", OnTheServerTest.DIRECT_AND_QUEUED, WildFlyRecordsTest.class,
                OnTheServerTest.class, RecordingHandler.class, RecordingHandler.Delivery.class);
    }

    @Inject
    @LogHandler("direct")
    RecordingHandler direct;

    @Inject
    @LogHandler("behind")
    RecordingHandler behindTheQueue;

    private static Object call(LogRecord record, String method, Object... arguments) throws Exception {
        for (var candidate : record.getClass().getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                return candidate.invoke(record, arguments);
            }
        }
        throw new AssertionError(record.getClass() + " has no " + method);
    }

    private static boolean isExtLogRecord(LogRecord record) {
        for (Class<?> type = record.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("org.jboss.logmanager.ExtLogRecord")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theMdcReachesOurHandlersDirectlyAndThroughTheQueue() throws Exception {
        MDC.put("order", "42");
        try {
            Logger.getLogger(OnTheServerTest.LOGGER).info("with an MDC");
        } finally {
            MDC.remove("order");
        }
        String loggingThread = Thread.currentThread().getName();

        for (RecordingHandler handler : new RecordingHandler[] {direct, behindTheQueue}) {
            LogRecord record = handler.await("with an MDC").record();
            assertEquals(true, isExtLogRecord(record), record.getClass()::getName);
            assertEquals("42", call(record, "getMdc", "order"));
            assertEquals(loggingThread, call(record, "getThreadName"));
        }
    }
}
