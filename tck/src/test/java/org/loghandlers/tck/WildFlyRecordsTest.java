package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.naming.InitialContext;

import jakarta.enterprise.concurrent.ManagedExecutorService;
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
 * Logging's API reaches our handlers, directly and through a queue (which copies it on the logging thread), from a
 * request thread and from the container's managed executor alike. The
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

    /** Logs {@code message} with the MDC entry order=42 on this thread, and returns the thread's name. */
    private static String logWithAnMdc(String message) {
        MDC.put("order", "42");
        try {
            Logger.getLogger(OnTheServerTest.LOGGER).info(message);
        } finally {
            MDC.remove("order");
        }
        return Thread.currentThread().getName();
    }

    private void assertBothHandlersGotItWithItsMdc(String message, String loggingThread) throws Exception {
        for (RecordingHandler handler : new RecordingHandler[] {direct, behindTheQueue}) {
            LogRecord record = handler.await(message).record();
            assertEquals(true, isExtLogRecord(record), record.getClass()::getName);
            assertEquals("42", call(record, "getMdc", "order"));
            assertEquals(loggingThread, call(record, "getThreadName"));
        }
    }

    @Test
    void theMdcReachesOurHandlersDirectlyAndThroughTheQueue() throws Exception {
        String loggingThread = logWithAnMdc("with an MDC");
        assertBothHandlersGotItWithItsMdc("with an MDC", loggingThread);
    }

    @Test
    void recordsLoggedOnTheManagedExecutorKeepTheirMdcToo() throws Exception {
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        String loggingThread = executor.submit(() -> logWithAnMdc("on the executor with an MDC"))
                .get(10, TimeUnit.SECONDS);
        assertBothHandlersGotItWithItsMdc("on the executor with an MDC", loggingThread);
    }
}
