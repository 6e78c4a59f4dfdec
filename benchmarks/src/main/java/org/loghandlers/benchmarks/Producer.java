package org.loghandlers.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One benchmark thread: it names the thread {@code bench-worker-N} (so every peer writes the same line) and counts
 * the logging calls it makes. The count is a plain field written by this thread only; {@link Delivery} reads it
 * after JMH has stopped all threads at the end of an iteration.
 */
@State(Scope.Thread)
public class Producer {

    long calls;

    @Setup(Level.Trial)
    public void join(Delivery delivery, ThreadParams thread) {
        Thread.currentThread().setName(Workload.THREAD_NAME_PREFIX + thread.getThreadIndex());
        delivery.register(this);
    }

    /** Records one logging call. */
    public void called() {
        calls++;
    }
}
