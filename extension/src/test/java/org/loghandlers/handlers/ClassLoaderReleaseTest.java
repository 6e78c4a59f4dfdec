package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
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
        Class<?> fileType = application.loadClass(FileHandler.class.getName());
        Handler file = (Handler) fileType.getConstructor(String.class).newInstance(dir.resolve("app.log").toString());
        file.setFormatter((Formatter) application.loadClass("org.loghandlers.format.PythonFormatter")
                .getConstructor(String.class).newInstance("%(levelname)s %(threadName)s %(message)s"));
        Class<?> queueType = application.loadClass(QueueHandler.class.getName());
        Handler queue = (Handler) queueType.getConstructor().newInstance();
        queueType.getMethod("setHandlers", Handler[].class).invoke(queue, (Object) new Handler[] {file});

        for (int i = 0; i < 10; i++) {
            LogRecord record = (LogRecord) server.loadClass(ExtLogRecord.class.getName())
                    .getConstructor(Level.class, String.class, String.class)
                    .newInstance(Level.INFO, "record " + i, "app.Logger");
            queue.publish(record);
            file.publish(record);
        }
        queue.close();
        file.close();
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
