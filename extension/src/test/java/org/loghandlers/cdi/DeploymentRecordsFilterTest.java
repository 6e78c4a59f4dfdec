package org.loghandlers.cdi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class DeploymentRecordsFilterTest {

    private final ClassLoader server = new URLClassLoader(new URL[0], getClass().getClassLoader());
    private final ClassLoader deployment = new URLClassLoader(new URL[0], server);
    private final ClassLoader otherDeployment = new URLClassLoader(new URL[0], server);
    private final ClassLoader insideDeployment = new URLClassLoader(new URL[0], deployment);

    private static boolean loggableOnAThreadWith(ClassLoader context, DeploymentRecordsFilter filter)
            throws InterruptedException {
        AtomicBoolean loggable = new AtomicBoolean();
        Thread thread = new Thread(() -> loggable.set(filter.isLoggable(new LogRecord(Level.INFO, "m"))));
        thread.setContextClassLoader(context);
        thread.start();
        thread.join();
        return loggable.get();
    }

    @Test
    void keepsRecordsLoggedWithTheDeploymentsLoaderOrOneBelowIt() throws InterruptedException {
        DeploymentRecordsFilter filter = new DeploymentRecordsFilter(deployment, null);
        assertTrue(loggableOnAThreadWith(deployment, filter));
        assertTrue(loggableOnAThreadWith(insideDeployment, filter));
    }

    @Test
    void keepsTheServersRecordsAndThoseOfThreadsWithNoContextLoader() throws InterruptedException {
        DeploymentRecordsFilter filter = new DeploymentRecordsFilter(deployment, null);
        assertTrue(loggableOnAThreadWith(server, filter));
        assertTrue(loggableOnAThreadWith(ClassLoader.getSystemClassLoader(), filter));
        assertTrue(loggableOnAThreadWith(null, filter));
    }

    @Test
    void leavesOutAnotherDeploymentsRecords() throws InterruptedException {
        DeploymentRecordsFilter filter = new DeploymentRecordsFilter(deployment, null);
        assertFalse(loggableOnAThreadWith(otherDeployment, filter));
        assertFalse(loggableOnAThreadWith(new URLClassLoader(new URL[0], otherDeployment), filter));
    }

    @Test
    void theHandlersOwnFilterStillDecidesForTheDeploymentsRecords() throws InterruptedException {
        DeploymentRecordsFilter refusing = new DeploymentRecordsFilter(deployment, record -> false);
        assertFalse(loggableOnAThreadWith(deployment, refusing));
    }
}
