package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As on a server: the handlers live in an application's class loader, records are JBoss LogManager's (a class of
 * the server), and the logging thread outlives the application (here, the test's own thread). Once the handlers are
 * closed and dropped, nothing of the server's (its record class, its threads) may keep the application's loader.
 */
class ClassLoaderReleaseTest {

    @TempDir
    Path dir;

    private WeakReference<ClassLoader> useHandlersInAnApplicationLoader(ClassLoader server) throws Exception {
        URLClassLoader application = ServerAndApplicationLoaders.application(server);
        Handler[] fileAndQueue = ServerAndApplicationLoaders.fileAndQueue(application, dir.resolve("app.log"),
                "%(levelname)s %(threadName)s %(message)s");
        ServerAndApplicationLoaders.publishJBossRecordsAndClose(server, 10, fileAndQueue);
        return new WeakReference<>(application);
    }

    @Test
    void closedHandlersLeaveTheApplicationsClassLoaderCollectable() throws Exception {
        try (URLClassLoader server = ServerAndApplicationLoaders.server()) {
            WeakReference<ClassLoader> application = useHandlersInAnApplicationLoader(server);

            assertEquals(20, Files.readAllLines(dir.resolve("app.log")).size());
            for (int attempt = 0; attempt < 50 && application.get() != null; attempt++) {
                System.gc();
                Thread.sleep(20);
            }
            assertNull(application.get(), "the application's class loader is still reachable");
        }
    }
}
