package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The handlers in a class loader that cannot see the JDK's {@code java.net.http}, as in a WildFly JBoss module whose
 * {@code module.xml} does not depend on it: an HttpHandler says once what is missing, counts every record it could not
 * send and never throws into the logging call (it used to throw NoClassDefFoundError, which JBoss LogManager drops
 * without a word).
 */
class WithoutJavaNetHttpTest {

    private static final List<String> HIDDEN = List.of("java.net.http.", "org.loghandlers.");

    private final URLClassLoader application = withoutJavaNetHttp();
    private HttpServer server;

    @AfterEach
    void close() throws IOException {
        application.close();
        if (server != null) {
            server.stop(0);
        }
    }

    /** Our classes defined afresh over the boot loader only (java.net.http is the platform loader's). */
    private static URLClassLoader withoutJavaNetHttp() {
        ClassLoader tests = WithoutJavaNetHttpTest.class.getClassLoader();
        ClassLoader hiding = new ClassLoader("without-java-net-http", null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (HIDDEN.stream().anyMatch(name::startsWith)) {
                    throw new ClassNotFoundException(name);
                }
                return tests.loadClass(name);
            }
        };
        try {
            URL classes = Path.of(HttpHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toUri().toURL();
            return new URLClassLoader(new URL[] {classes}, hiding);
        } catch (java.net.URISyntaxException | java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anHttpHandlerSaysOnceWhatIsMissingCountsTheRecordsAndNeverThrows() throws Exception {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("java.net.http.HttpClient", false, application), "the loader hides it");
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();

        Handler http = (Handler) application.loadClass(HttpHandler.class.getName()).getConstructor().newInstance();
        http.getClass().getMethod("setHost", String.class).invoke(http, "127.0.0.1:" + server.getAddress().getPort());
        http.getClass().getMethod("setUrl", String.class).invoke(http, "/log");
        List<String> reports = new CopyOnWriteArrayList<>();
        http.setErrorManager(new ErrorManager() {
            @Override
            public void error(String message, Exception cause, int code) {
                reports.add(message);
            }
        });
        for (int i = 0; i < 3; i++) {
            http.publish(new LogRecord(Level.WARNING, "record " + i));
        }
        http.close();

        assertEquals(1, reports.size(), reports::toString);
        assertTrue(reports.get(0).contains("java.net.http") && reports.get(0).contains("module.xml"), reports::toString);
        assertEquals(3L, http.getClass().getMethod("getLostRecordCount").invoke(http));
        assertEquals(0, requests.get());
    }
}
