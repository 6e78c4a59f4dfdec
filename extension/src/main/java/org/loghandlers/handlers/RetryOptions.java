package org.loghandlers.handlers;

import org.loghandlers.options.Durations;

/**
 * The backoff options of the stream handlers, Python's {@code retryStart}, {@code retryFactor} and
 * {@code retryMax}, as one value a handler replaces when a setter changes one: the setters' checks and messages,
 * and the {@link Backoff} they make. The two waits are time options (see {@link Durations}: a bare number is
 * seconds, as Python's), from 0 to a day; the factor is a plain number, 1 or more.
 */
record RetryOptions(long startMillis, double factor, long maxMillis) {

    /** Python's defaults: 1 s, doubled after each failure, at most 30 s. */
    static final RetryOptions PYTHON = new RetryOptions(1000, 2.0, 30_000);

    RetryOptions withStart(String retryStart) {
        return new RetryOptions(Durations.millis("retryStart", retryStart, 0, Durations.DAY_MILLIS), factor,
                maxMillis);
    }

    RetryOptions withFactor(double retryFactor) {
        if (!(retryFactor >= 1) || Double.isInfinite(retryFactor)) {
            throw new IllegalArgumentException("retryFactor: " + retryFactor + " is not a factor the wait can grow"
                    + " by; accepted: a number of 1 or more, such as 2");
        }
        return new RetryOptions(startMillis, retryFactor, maxMillis);
    }

    RetryOptions withMax(String retryMax) {
        return new RetryOptions(startMillis, factor, Durations.millis("retryMax", retryMax, 0,
                Durations.DAY_MILLIS));
    }

    String start() {
        return Durations.format(startMillis);
    }

    String max() {
        return Durations.format(maxMillis);
    }

    Backoff backoff() {
        return new Backoff(startMillis, factor, maxMillis);
    }
}
