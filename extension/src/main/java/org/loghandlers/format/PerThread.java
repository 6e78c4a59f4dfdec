package org.loghandlers.format;

import java.lang.ref.WeakReference;
import java.util.function.Supplier;

/**
 * One reusable object per thread that does not keep an undeployed application's class loader alive. A plain
 * {@code ThreadLocal} holding an object of ours would: a server's pooled threads (request workers, managed executor
 * threads) outlive the deployment, and their value pins its class. Here the thread holds only a weak reference; the
 * object lives as long as the garbage collector leaves it (it is made again after it was collected), and nothing
 * survives the application. For the handlers' and formatters' per-thread buffers.
 */
public final class PerThread<T> {

    private final ThreadLocal<WeakReference<T>> values = new ThreadLocal<>();
    private final Supplier<T> initial;

    public PerThread(Supplier<T> initial) {
        this.initial = initial;
    }

    /** This thread's object; hold it in a local variable while it is used. */
    public T get() {
        WeakReference<T> reference = values.get();
        T value = reference == null ? null : reference.get();
        if (value == null) {
            value = initial.get();
            values.set(new WeakReference<>(value));
        }
        return value;
    }
}
