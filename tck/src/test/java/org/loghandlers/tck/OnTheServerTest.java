package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.naming.InitialContext;

import jakarta.enterprise.concurrent.ManageableThread;
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
 * Inside a WAR on a real server: records from the deployment's own threads and from the container's managed
 * executor reach the handlers, and a queue listener runs on a thread of that executor, not one of ours; on WildFly the
 * MDC comes along.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.SERVER)
class OnTheServerTest {

    private static final String LOGGER = "tck.server";

    @Deployment
    static Archive<?> deployment() {
        return Deployments.archive("on-the-server", """
                loghandlers.handler.direct.class=org.loghandlers.tck.RecordingHandler
                loghandlers.handler.direct.loggers=tck.server
                loghandlers.handler.async.type=queue
                loghandlers.handler.async.handlers=behind
                loghandlers.handler.async.loggers=tck.server
                loghandlers.handler.behind.class=org.loghandlers.tck.RecordingHandler
                """, OnTheServerTest.class, RecordingHandler.class, RecordingHandler.Delivery.class);
    }

    @Inject
    @LogHandler("direct")
    RecordingHandler direct;

    @Inject
    @LogHandler("behind")
    RecordingHandler behindTheQueue;

    @Test
    void theLogManagerIsTheServers() {
        String expected = Containers.WILDFLY.equals(Containers.server())
                ? "org.jboss.logmanager.LogManager" : LogManager.class.getName();
        assertEquals(expected, LogManager.getLogManager().getClass().getName());
    }

    @Test
    void recordsLoggedOnTheContainersManagedExecutorReachTheHandlers() throws Exception {
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        executor.submit(() -> Logger.getLogger(LOGGER).info("on the managed executor")).get(10, TimeUnit.SECONDS);

        RecordingHandler.Delivery delivered = direct.await("on the managed executor");
        assertInstanceOf(ManageableThread.class, delivered.thread(), delivered.thread()::getName);
        behindTheQueue.await("on the managed executor");
    }

    @Test
    void theQueueListenerRunsOnAThreadOfTheContainersManagedExecutor() throws Exception {
        Logger.getLogger(LOGGER).info("through the queue");

        Thread listener = behindTheQueue.await("through the queue").thread();
        assertInstanceOf(ManageableThread.class, listener, listener::getName);
        assertFalse(listener.getName().startsWith("loghandlers-queue-"), listener::getName);
    }

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

    /**
     * On WildFly, records are JBoss LogManager's {@code ExtLogRecord}s: the MDC set with JBoss Logging's API reaches
     * our handlers, directly and through the queue, which copies it on the logging thread. The record is looked at
     * by reflection: the deployment sees WildFly's own copy of the class.
     */
    @Test
    void onWildFlyTheMdcReachesOurHandlersDirectlyAndThroughTheQueue() throws Exception {
        assumeTrue(Containers.WILDFLY.equals(Containers.server()), "JBoss LogManager's MDC is WildFly's");
        MDC.put("order", "42");
        try {
            Logger.getLogger(LOGGER).info("with an MDC");
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
