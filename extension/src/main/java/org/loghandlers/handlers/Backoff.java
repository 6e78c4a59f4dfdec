package org.loghandlers.handlers;

import java.util.concurrent.TimeUnit;

/**
 * Python's {@code SocketHandler} reconnection schedule: after a failed attempt, wait {@code retryStart}, then
 * {@code retryFactor} times longer after each further failure, at most {@code retryMax}; a success starts over.
 * Not thread-safe: its connection guards it.
 */
final class Backoff {

    private final long startMillis;
    private final double factor;
    private final long maxMillis;
    private long periodMillis;
    private long retryAtNanos;
    private boolean waiting;

    Backoff(long startMillis, double factor, long maxMillis) {
        this.startMillis = startMillis;
        this.factor = factor;
        this.maxMillis = maxMillis;
    }

    /** Whether an attempt may be made at {@code nowNanos} ({@code System.nanoTime()}). */
    boolean mayAttempt(long nowNanos) {
        return !waiting || nowNanos - retryAtNanos >= 0;
    }

    void failed(long nowNanos) {
        periodMillis = waiting ? (long) Math.min(periodMillis * factor, maxMillis) : startMillis;
        waiting = true;
        retryAtNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(periodMillis);
    }

    void succeeded() {
        waiting = false;
    }

    /** The wait after the latest failure, in milliseconds; 0 when there was none since the last success. */
    long periodMillis() {
        return waiting ? periodMillis : 0;
    }
}
