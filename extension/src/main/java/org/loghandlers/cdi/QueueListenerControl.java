package org.loghandlers.cdi;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Handler;

/**
 * Starts and stops the {@code QueueListener} behind a {@code queue} handler. The listener class is reached by name
 * so this extension builds before the queue handlers are part of it.
 */
final class QueueListenerControl {

    private static final String LISTENER = "org.loghandlers.handlers.QueueListener";

    private final Object listener;

    private QueueListenerControl(Object listener) {
        this.listener = listener;
    }

    static QueueListenerControl create(Handler queue, List<Handler> targets, boolean respectHandlerLevel) {
        try {
            Class<?> listenerClass = Class.forName(LISTENER, true, queue.getClass().getClassLoader());
            Constructor<?> constructor = findConstructor(listenerClass, queue.getClass());
            Object handlers = Array.newInstance(Handler.class, targets.size());
            for (int i = 0; i < targets.size(); i++) {
                Array.set(handlers, i, targets.get(i));
            }
            Object listener = constructor.newInstance(queue, handlers);
            listenerClass.getMethod("setRespectHandlerLevel", boolean.class).invoke(listener, respectHandlerLevel);
            return new QueueListenerControl(listener);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("loghandlers: cannot create the queue listener", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("loghandlers: " + LISTENER + " does not have the expected API", e);
        }
    }

    private static Constructor<?> findConstructor(Class<?> listenerClass, Class<?> queueClass)
            throws NoSuchMethodException {
        for (Constructor<?> constructor : listenerClass.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 2 && parameters[0].isAssignableFrom(queueClass)
                    && parameters[1] == Handler[].class) {
                return constructor;
            }
        }
        throw new NoSuchMethodException(listenerClass.getName() + "(QueueHandler, Handler...)");
    }

    void start(Executor executor) {
        call("start", executor);
    }

    void stop() {
        call("stop", null);
    }

    private void call(String method, Executor executor) {
        try {
            if (executor == null) {
                listener.getClass().getMethod(method).invoke(listener);
            } else {
                listener.getClass().getMethod(method, Executor.class).invoke(listener, executor);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("loghandlers: " + LISTENER + "." + method + " is missing", e);
        }
    }
}
