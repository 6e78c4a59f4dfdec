package org.loghandlers.tck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.weld.environment.se.Weld;
import org.loghandlers.cdi.LogHandlersExtension;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Deploys an application on Weld SE from the test itself, with its own {@code microprofile-config.properties},
 * so a test can look at the log manager after undeploy and catch the DeploymentException of a broken configuration
 * with its message. The configuration file sits in a directory seen only through a fresh class loader, which is
 * the thread context class loader while Weld starts, as a deployment's class loader would be in a server. With
 * discovery disabled Weld SE does not read {@code META-INF/services}, so the extension is added by hand.
 */
final class WeldDeployment implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final WeldContainer container;

    private WeldDeployment(WeldContainer container) {
        this.container = container;
    }

    static WeldDeployment deploy(Path workDir, String properties, Class<?>... beanClasses) {
        Path root = workDir.resolve("classes-" + COUNT.incrementAndGet());
        try {
            Files.createDirectories(root.resolve("META-INF"));
            Files.writeString(root.resolve("META-INF/microprofile-config.properties"), properties);
            URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()},
                    WeldDeployment.class.getClassLoader());
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                Weld weld = new Weld("loghandlers-tck-" + COUNT.get())
                        .disableDiscovery()
                        .property("org.jboss.weld.se.shutdownHook", false)
                        .addExtension(new LogHandlersExtension())
                        .addBeanClass(DeploymentMarker.class)
                        .addBeanClasses(beanClasses);
                return new WeldDeployment(weld.initialize());
            } finally {
                thread.setContextClassLoader(previous);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weld SE needs at least one bean class; this one stands in when the test has none of its own. */
    @jakarta.enterprise.context.Dependent
    public static class DeploymentMarker {
    }

    WeldContainer container() {
        return container;
    }

    /** Shuts the container down, as an undeploy would. */
    @Override
    public void close() {
        if (container.isRunning()) {
            container.shutdown();
        }
    }
}
