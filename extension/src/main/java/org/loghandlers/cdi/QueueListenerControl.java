package org.loghandlers.cdi;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Executor;
import java.util.logging.Handler;

/**
 * Starts and stops the listener of a {@code queue} handler ({@code QueueHandler.getListener()}). Its targets and
 * {@code respectHandlerLevel} are ordinary JavaBean options of the QueueHandler, already set when it was built. The
 * listener is reached by name so this extension builds before the queue handlers are part of it.
 */
final class QueueListenerControl {

    private final Object listener;

    private QueueListenerControl(Object listener) {
        this.listener = listener;
    }

    static QueueListenerControl of(Handler queue) {
        try {
            return new QueueListenerControl(queue.getClass().getMethod("getListener").invoke(queue));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("loghandlers: cannot reach the listener of " + queue, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("loghandlers: " + queue.getClass().getName() + " has no getListener()", e);
        }
    }

    /** Starts the listener's loop on {@code executor}, or on a daemon thread of its own when it is null. */
    void start(Executor executor) {
        call("start", executor, true);
    }

    /** Delivers every record accepted so far, then stops the loop. */
    void stop() {
        call("stop", null, false);
    }

    private void call(String method, Executor executor, boolean withExecutor) {
        try {
            if (withExecutor) {
                listener.getClass().getMethod(method, Executor.class).invoke(listener, executor);
            } else {
                listener.getClass().getMethod(method).invoke(listener);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("loghandlers: " + listener.getClass().getName() + "." + method
                    + " is missing", e);
        }
    }
}
