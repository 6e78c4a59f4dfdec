package org.loghandlers.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.loghandlers.cdi.LogHandlersExtension;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Our handlers configured exactly as a user writes them: the CDI extension on Weld SE reads
 * {@code META-INF/microprofile-config.properties} (through SmallRye Config) declaring a {@code queue} in front of a
 * {@code file} handler with nothing tuned, and {@code use-parent-handlers=false} on the logger so the root console
 * stays quiet. Every option is the default (the queue's capacity, overflow and caller location, the file handler's
 * auto-flush) except the file's {@code format}, which is the {@link Workload} line, as a user sets a format, so that
 * the lines are those of every other scenario.
 *
 * <p>Each iteration deploys afresh: the properties in a new directory seen only through a new class loader, which is
 * the thread context class loader while Weld starts, as a deployment's would be. Shutting the container down, as an
 * undeploy does, drains the queue and closes the file. The producers log through
 * {@link Logger#getLogger(String) java.util.logging} with the JMH thread's own context class loader, the deployment
 * loader's parent, which the handler's default {@code records-from=deployment} lets through.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LoghandlersCdiDefaultsBenchmark extends OursUnderBothLogManagers {

    private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

    private Path classes;
    private URLClassLoader loader;
    private WeldContainer container;

    @Override
    protected void open(Path directory) throws IOException {
        Scenarios.requireLogManagerOf(method());
        classes = Files.createTempDirectory(Delivery.ROOT, "loghandlers-bench-cdi-classes-");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/microprofile-config.properties"),
                userConfiguration(directory.resolve("app.log")));
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                LoghandlersCdiDefaultsBenchmark.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            container = new Weld("loghandlers-bench-" + DEPLOYMENTS.incrementAndGet())
                    .disableDiscovery()
                    .property("org.jboss.weld.se.shutdownHook", false)
                    .addExtension(new LogHandlersExtension())
                    .addBeanClass(Application.class)
                    .initialize();
        } finally {
            thread.setContextClassLoader(previous);
        }
        logger = Logger.getLogger(Workload.LOGGER_NAME);
        if (!logger.isLoggable(Level.INFO) || logger.isLoggable(Level.FINE)) {
            throw new IllegalStateException("the workload logger must be at INFO by default, as the root logger is;"
                    + " it logs FINE: " + logger.isLoggable(Level.FINE) + ", INFO: " + logger.isLoggable(Level.INFO));
        }
    }

    /** What a user writes: a queue in front of a file, on their defaults but the format, and the console kept out. */
    static String userConfiguration(Path file) {
        return String.join("\n",
                "loghandlers.handler.app.type=file",
                "loghandlers.handler.app.file-name=" + file.toString().replace('\\', '/'),
                "loghandlers.handler.app.format=" + Workload.PYTHON_FORMAT,
                "loghandlers.handler.async.type=queue",
                "loghandlers.handler.async.handlers=app",
                "loghandlers.handler.async.loggers=" + Workload.LOGGER_NAME,
                "loghandlers.logger.\"" + Workload.LOGGER_NAME + "\".use-parent-handlers=false",
                "");
    }

    @Override
    protected void close() throws IOException {
        try {
            container.shutdown();
            ConfigProviderResolver resolver = ConfigProviderResolver.instance();
            resolver.releaseConfig(ConfigProvider.getConfig(loader));
            loader.close();
        } finally {
            new DeliveryCheck("classes", classes).deleteDirectory();
        }
    }

    /** Weld SE needs at least one bean class; the application's code would be here. */
    @jakarta.enterprise.context.Dependent
    public static class Application {
    }
}
