package org.loghandlers.handlers;

/**
 * Python's {@code SocketHandler} reconnection schedule: after a failed attempt, wait {@code retryStart} seconds,
 * then {@code retryFactor} times longer after each further failure, at most {@code retryMax}; a success starts over.
 * Not thread-safe: its connection guards it.
 */
final class Backoff {

    private final double startSeconds;
    private final double factor;
    private final double maxSeconds;
    private double periodSeconds;
    private long retryAtNanos;
    private boolean waiting;

    Backoff(double startSeconds, double factor, double maxSeconds) {
        this.startSeconds = startSeconds;
        this.factor = factor;
        this.maxSeconds = maxSeconds;
    }

    /** Whether an attempt may be made at {@code nowNanos} ({@code System.nanoTime()}). */
    boolean mayAttempt(long nowNanos) {
        return !waiting || nowNanos - retryAtNanos >= 0;
    }

    void failed(long nowNanos) {
        periodSeconds = waiting ? Math.min(periodSeconds * factor, maxSeconds) : startSeconds;
        waiting = true;
        retryAtNanos = nowNanos + (long) (periodSeconds * 1e9);
    }

    void succeeded() {
        waiting = false;
    }

    /** The wait after the latest failure, in seconds; 0 when there was none since the last success. */
    double periodSeconds() {
        return waiting ? periodSeconds : 0;
    }
}
