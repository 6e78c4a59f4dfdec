package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.loghandlers.testing.HttpReceiver;

/**
 * As in a redeployed application: an HttpHandler loaded by the application's class loader, used and closed, must
 * leave that loader collectable, whatever the JDK's HttpClient keeps running for a while (its selector thread ends
 * a few seconds after the client is unreachable).
 */
class HttpHandlerClassLoaderTest {

    private static WeakReference<ClassLoader> useAndClose(HttpReceiver receiver, String format) throws Exception {
        URL classes = HttpHandler.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader application = new URLClassLoader(new URL[] {classes},
                ClassLoader.getPlatformClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            Class<?> type = application.loadClass(HttpHandler.class.getName());
            Handler handler = (Handler) type.getConstructor(String.class, String.class, String.class)
                    .newInstance(receiver.host(), "/log", "POST");
            type.getMethod("setFormat", String.class).invoke(handler, format);
            if (!format.equals("form")) {
                type.getMethod("setBatchSize", int.class).invoke(handler, 5);
            }
            for (int i = 0; i < 10; i++) {
                handler.publish(new LogRecord(Level.INFO, "record " + i));
            }
            handler.close();
        } finally {
            thread.setContextClassLoader(previous);
        }
        return new WeakReference<>(application);
    }

    @Test
    void aClosedHandlerLeavesTheApplicationsClassLoaderCollectable() throws Exception {
        try (HttpReceiver receiver = HttpReceiver.start()) {
            WeakReference<ClassLoader> formLoader = useAndClose(receiver, "form");
            WeakReference<ClassLoader> jsonLoader = useAndClose(receiver, "json");
            int records = 0;
            for (HttpReceiver.Request request : receiver.requests()) {
                String type = request.header("Content-Type");
                records += type.contains("json") ? request.bodyText().split("\"message\":").length - 1 : 1;
            }
            assertEquals(20, records, "every record delivered before close returned");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((formLoader.get() != null || jsonLoader.get() != null) && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(100);
            }
            assertNull(formLoader.get(), "the class loader of a form handler is still reachable");
            assertNull(jsonLoader.get(), "the class loader of a json handler is still reachable");
        }
    }
}
