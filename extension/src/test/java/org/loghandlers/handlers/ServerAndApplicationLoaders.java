package org.loghandlers.handlers;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Class loaders laid out as on a server, for tests: a server loader with jboss-logmanager and the test's other jars
 * but not our classes, and an application loader below it with our classes, loaded afresh.
 */
final class ServerAndApplicationLoaders {

    private ServerAndApplicationLoaders() {
    }

    /** A loader of the test's class path without the extension's own classes: jboss-logmanager and what it needs. */
    static URLClassLoader server() throws Exception {
        Path ours = ourClasses();
        List<URL> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!path.toAbsolutePath().equals(ours.toAbsolutePath()) && path.toString().endsWith(".jar")) {
                jars.add(path.toUri().toURL());
            }
        }
        return new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** A loader of our classes, as an application deployed on {@code server} has them. */
    static URLClassLoader application(ClassLoader server) throws Exception {
        return new URLClassLoader(new URL[] {ourClasses().toUri().toURL()}, server);
    }

    /**
     * Our file handler writing {@code format} lines to {@code log} and our queue handler in front of it, both of
     * {@code application}'s classes: file first, then queue.
     */
    static Handler[] fileAndQueue(ClassLoader application, Path log, String format) throws Exception {
        Handler file = (Handler) application.loadClass(FileHandler.class.getName())
                .getConstructor(String.class).newInstance(log.toString());
        file.setFormatter((Formatter) application.loadClass("org.loghandlers.format.PythonFormatter")
                .getConstructor(String.class).newInstance(format));
        Class<?> queueType = application.loadClass(QueueHandler.class.getName());
        Handler queue = (Handler) queueType.getConstructor().newInstance();
        queueType.getMethod("setHandlers", Handler[].class).invoke(queue, (Object) new Handler[] {file});
        return new Handler[] {file, queue};
    }

    /**
     * Publishes {@code count} INFO records of the server's {@code ExtLogRecord} class ({@code "record 0"} and so on,
     * logger {@code app.Logger}) to each of {@code handlers}, then closes them, last first.
     */
    static void publishJBossRecordsAndClose(ClassLoader server, int count, Handler... handlers) throws Exception {
        for (int i = 0; i < count; i++) {
            LogRecord record = (LogRecord) server.loadClass(ExtLogRecord.class.getName())
                    .getConstructor(Level.class, String.class, String.class)
                    .newInstance(Level.INFO, "record " + i, "app.Logger");
            for (Handler handler : handlers) {
                handler.publish(record);
            }
        }
        for (int i = handlers.length - 1; i >= 0; i--) {
            handlers[i].close();
        }
    }

    private static Path ourClasses() throws Exception {
        return Path.of(QueueHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
