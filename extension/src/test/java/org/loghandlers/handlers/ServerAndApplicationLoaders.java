package org.loghandlers.handlers;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    private static Path ourClasses() throws Exception {
        return Path.of(QueueHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
