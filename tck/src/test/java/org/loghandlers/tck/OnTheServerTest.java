package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import javax.naming.InitialContext;

import jakarta.enterprise.concurrent.ManageableThread;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loghandlers.cdi.LogHandler;

/**
 * Inside a WAR on a real server: records from the deployment's own threads and from the container's managed
 * executor reach the handlers, and a queue listener runs on a thread of that executor, not one of ours.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.SERVER)
class OnTheServerTest {

    static final String LOGGER = "tck.server";

    /** {@code direct} on {@link #LOGGER}, and a queue on it passing records to {@code behind}. */
    static final String DIRECT_AND_QUEUED = """
            loghandlers.handler.direct.class=org.loghandlers.tck.RecordingHandler
            loghandlers.handler.direct.loggers=tck.server
            loghandlers.handler.async.type=queue
            loghandlers.handler.async.handlers=behind
            loghandlers.handler.async.loggers=tck.server
            loghandlers.handler.behind.class=org.loghandlers.tck.RecordingHandler
            """;

    @Deployment
    static Archive<?> deployment() {
        return Deployments.archive("on-the-server", DIRECT_AND_QUEUED, OnTheServerTest.class, RecordingHandler.class,
                RecordingHandler.Delivery.class);
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
}
