package org.loghandlers.central;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.DeploymentException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.loghandlers.cdi.LogHandlersExtension;
import org.loghandlers.receivers.Receiver;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The central receiver as a process of its own: reads one properties file (the syntax and keys of
 * {@code microprofile-config.properties}: {@code loghandlers.handler.*} and {@code loghandlers.receiver.*}), starts
 * the CDI extension on Weld SE with it, prints one line per receiver with the address it listens on, and runs until
 * the process is told to stop (SIGTERM, Ctrl-C), when the receivers drain into the handlers and the handlers close.
 * System properties and environment variables override the file, as MicroProfile Config orders them.
 *
 * <p>{@code java -jar loghandlers-receiver.jar central.properties}. Exit status 2 when the file cannot be read or
 * the configuration is refused (every problem is printed), 0 after a stop.
 */
public final class CentralReceiver {

    static final String USAGE = "usage: java -jar loghandlers-receiver.jar <properties file>";

    private CentralReceiver() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        if (!Files.isReadable(file)) {
            System.err.println("loghandlers receiver: cannot read " + file);
            System.exit(2);
        }
        WeldContainer container;
        try {
            container = start(file);
        } catch (DeploymentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (IOException | RuntimeException e) {
            System.err.println("loghandlers receiver: cannot start with " + file + ": " + e);
            System.exit(2);
            return;
        }
        List<Receiver> receivers = container.select(Receiver.class, Any.Literal.INSTANCE).stream().toList();
        if (receivers.isEmpty()) {
            System.err.println("loghandlers receiver: " + file + " declares no receiver (loghandlers.receiver."
                    + "<name>.type=socket, with its handlers)");
            container.shutdown();
            System.exit(2);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            container.shutdown();
            System.out.println("loghandlers receiver: stopped");
            stopped.countDown();
        }, "loghandlers-receiver-shutdown"));
        PrintStream out = System.out;
        for (Receiver receiver : receivers) {
            out.println("loghandlers receiver: " + receiver + (receiver.isRunning() ? "" : ", not enabled"));
        }
        out.println("loghandlers receiver: ready (configuration " + file + ")");
        out.flush();
        stopped.await();
    }

    /**
     * Starts Weld SE with the extension, the file as its configuration: the file is registered as the MicroProfile
     * Config of a class loader of its own, which is the context class loader while Weld starts, the way a server
     * gives a deployment its configuration.
     */
    static WeldContainer start(Path file) throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[0], CentralReceiver.class.getClassLoader());
        Config config = new SmallRyeConfigBuilder()
                .forClassLoader(loader)
                .addDefaultSources()
                .withSources(new PropertiesConfigSource(file.toUri().toURL(), 100))
                .build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return new Weld("loghandlers-receiver")
                    .disableDiscovery()
                    .property("org.jboss.weld.se.shutdownHook", false)
                    .addExtension(new LogHandlersExtension())
                    .addBeanClass(Marker.class)
                    .initialize();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Weld SE starts only with at least one bean class; the receiver has no beans of its own. */
    @jakarta.enterprise.context.Dependent
    public static class Marker {
    }
}
