package org.loghandlers.handlers;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code limit} mails in any sixty seconds (a sliding window over the times mails were let through), so that
 * an error storm cannot flood a mailbox. A limit of 0 lets everything through. Times are the caller's monotonic
 * nanoseconds.
 */
final class MailRateLimit {

    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ArrayDeque<Long> sent = new ArrayDeque<>();
    private int limit;

    synchronized void setLimit(int limit) {
        this.limit = limit;
        while (limit > 0 && sent.size() > limit) {
            sent.removeFirst();
        }
    }

    /** Takes a place for one mail at {@code now}; false when the last minute already had {@code limit} of them. */
    synchronized boolean tryAcquire(long now) {
        if (limit <= 0) {
            return true;
        }
        forgetBefore(now);
        if (sent.size() >= limit) {
            return false;
        }
        sent.addLast(now);
        return true;
    }

    /** How long from {@code now} until {@link #tryAcquire} can succeed again; 0 if it can now. */
    synchronized long nanosUntilAllowed(long now) {
        if (limit <= 0) {
            return 0;
        }
        forgetBefore(now);
        return sent.size() < limit ? 0 : sent.peekFirst() + WINDOW_NANOS - now;
    }

    private void forgetBefore(long now) {
        while (!sent.isEmpty() && now - sent.peekFirst() >= WINDOW_NANOS) {
            sent.removeFirst();
        }
    }
}
