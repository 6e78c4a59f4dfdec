package org.loghandlers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loghandlers.handlers.SmtpHandler;
import org.loghandlers.testing.CountingErrorManager;

/**
 * The extension jar in an application that has no Jakarta Mail: the jar's classes are loaded by a class loader that
 * sees everything the tests see except Jakarta Mail, Jakarta Activation and Angus. Everything but the one class that
 * talks to Jakarta Mail loads, an SmtpHandler built anyway says what to add and never throws, and a configuration with
 * {@code type=smtp} fails naming the artifact.
 */
class WithoutJakartaMailTest {

    private static final List<String> HIDDEN = List.of("jakarta.mail.", "jakarta.activation.", "org.eclipse.angus.",
            "com.sun.mail.", "org.loghandlers.");

    private final URLClassLoader application = withoutJakartaMail();

    @AfterEach
    void close() throws IOException {
        application.close();
    }

    private static Path ourClasses() {
        return jarOf(SmtpHandler.class);
    }

    /** Our classes defined afresh, on top of a loader that hides Jakarta Mail (and our classes, so they are ours). */
    private static URLClassLoader withoutJakartaMail() {
        return loader(ourClasses());
    }

    private static URLClassLoader loader(Path... classPath) {
        ClassLoader tests = WithoutJakartaMailTest.class.getClassLoader();
        ClassLoader hiding = new ClassLoader("without-jakarta-mail", ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (HIDDEN.stream().anyMatch(name::startsWith)) {
                    throw new ClassNotFoundException(name);
                }
                return tests.loadClass(name);
            }
        };
        URL[] urls = new URL[classPath.length];
        try {
            for (int i = 0; i < classPath.length; i++) {
                urls[i] = classPath[i].toUri().toURL();
            }
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return new URLClassLoader(urls, hiding);
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyClassButTheJakartaMailConnectorLoadsAndInitializes() throws Exception {
        Path root = ourClasses();
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(root::relativize).map(Path::toString).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
        List<String> failed = new ArrayList<>();
        int loaded = 0;
        for (String name : names) {
            if (name.startsWith("org.loghandlers.handlers.JakartaMailConnector")) {
                continue;
            }
            try {
                Class.forName(name, true, application);
                loaded++;
            } catch (LinkageError | ClassNotFoundException e) {
                failed.add(name + ": " + e);
            }
        }
        assertEquals(List.of(), failed);
        assertTrue(loaded > 50, "loaded " + loaded);
        assertThrows(NoClassDefFoundError.class,
                () -> Class.forName("org.loghandlers.handlers.JakartaMailConnector", true, application),
                "the loader really hides Jakarta Mail");
    }

    @Test
    void anSmtpHandlerWithoutJakartaMailSaysWhatToAddOnceAndNeverThrows() throws Exception {
        Class<?> type = application.loadClass(SmtpHandler.class.getName());
        Handler smtp = (Handler) type.getConstructor(String.class, String.class, String.class, String.class)
                .newInstance("127.0.0.1:25", "app@x.test", "ops@y.test", "no mail");
        CountingErrorManager errors = new CountingErrorManager();
        smtp.setErrorManager(errors);
        for (int i = 0; i < 3; i++) {
            smtp.publish(new LogRecord(Level.SEVERE, "record " + i));
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((long) type.getMethod("getLostRecordCount").invoke(smtp) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        smtp.close();

        assertEquals(3L, type.getMethod("getLostRecordCount").invoke(smtp));
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        String message = errors.reports().get(0).message();
        assertTrue(message.contains("Jakarta Mail is not on the class path: add org.eclipse.angus:angus-mail"),
                message);
    }

    @Test
    void aConfigurationOfTypeSmtpFailsNamingTheArtifactToAddAndOtherTypesAreFine() {
        List<ConfigProblem> problems = new ArrayList<>();
        LogHandlersConfig config = ConfigReader.read(Map.of(
                "loghandlers.handler.alerts.type", "smtp",
                "loghandlers.handler.alerts.fromaddr", "app@x.test",
                "loghandlers.handler.alerts.toaddrs", "ops@y.test",
                "loghandlers.handler.mail.class", SmtpHandler.class.getName(),
                "loghandlers.handler.discard.type", "null"), problems);
        problems.addAll(ConfigValidator.validate(config, application).problems());

        List<String> described = problems.stream().map(ConfigProblem::describe).sorted().toList();
        assertEquals(List.of(
                "loghandlers.handler.alerts.type=smtp: type smtp needs Jakarta Mail, which is not on the class path:"
                        + " add org.eclipse.angus:angus-mail (2.0.3 or later, which brings"
                        + " jakarta.mail:jakarta.mail-api) to the application (WEB-INF/lib), or give it the server's"
                        + " Jakarta Mail",
                "loghandlers.handler.mail.class=org.loghandlers.handlers.SmtpHandler:"
                        + " org.loghandlers.handlers.SmtpHandler needs Jakarta Mail, which is not on the class path:"
                        + " add org.eclipse.angus:angus-mail (2.0.3 or later, which brings"
                        + " jakarta.mail:jakarta.mail-api) to the application (WEB-INF/lib), or give it the server's"
                        + " Jakarta Mail"), described);
        assertFalse(HandlerTypes.isAvailable("smtp", application));
        assertTrue(HandlerTypes.isAvailable("null", application));
        assertTrue(HandlerTypes.isAvailable("smtp", getClass().getClassLoader()), "with Jakarta Mail it is");
    }

    @Test
    void theJakartaMailApiWithoutAnImplementationIsReportedNamingAngusMail() throws Exception {
        try (URLClassLoader apiOnly = loader(ourClasses(), jarOf(jakarta.mail.Session.class),
                jarOf(jakarta.activation.DataHandler.class))) {
            Class<?> type = apiOnly.loadClass(SmtpHandler.class.getName());
            Handler smtp = (Handler) type.getConstructor(String.class, String.class, String.class, String.class)
                    .newInstance("127.0.0.1:25", "app@x.test", "ops@y.test", "no mail");
            CountingErrorManager errors = new CountingErrorManager();
            smtp.setErrorManager(errors);
            smtp.publish(new LogRecord(Level.SEVERE, "record"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((long) type.getMethod("getLostRecordCount").invoke(smtp) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            smtp.close();

            assertTrue(HandlerTypes.isAvailable("smtp", apiOnly), "the API is what the configuration checks");
            assertEquals(1, errors.count(), () -> errors.reports().toString());
            String message = errors.reports().get(0).message();
            assertTrue(message.contains("no implementation with an SMTP transport: add org.eclipse.angus:angus-mail"),
                    message);
        }
    }
}
