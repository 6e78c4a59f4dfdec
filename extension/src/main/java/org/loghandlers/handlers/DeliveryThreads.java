package org.loghandlers.handlers;

import java.util.function.Supplier;

/**
 * The threads a network handler delivers on, and the mark that keeps a record logged while delivering (by the
 * handler's own threads, or by a library it calls on the logging thread) from being sent through the same
 * handler again, which would recurse or wait on itself.
 */
final class DeliveryThreads {

    /** Set while a thread delivers; holds only a JDK type, so it pins no class loader. */
    private static final ThreadLocal<Boolean> DELIVERING = new ThreadLocal<>();

    private DeliveryThreads() {
    }

    /** A daemon thread, without a context class loader, that counts as delivering all its life. */
    static Thread newThread(Runnable task, String name) {
        Thread thread = new Thread(() -> {
            DELIVERING.set(Boolean.TRUE);
            task.run();
        }, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        return thread;
    }

    /** Whether the current thread is delivering records. */
    static boolean delivering() {
        return DELIVERING.get() != null;
    }

    /** Marks the current thread as delivering until {@link #done}; false if it already was. */
    static boolean begin() {
        if (DELIVERING.get() != null) {
            return false;
        }
        DELIVERING.set(Boolean.TRUE);
        return true;
    }

    static void done() {
        DELIVERING.remove();
    }

    /**
     * Runs {@code make} with no context class loader, so that threads it starts (an HttpClient's selector thread)
     * do not keep the application's class loader.
     */
    static <T> T withoutContextClassLoader(Supplier<T> make) {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(null);
        try {
            return make.get();
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
