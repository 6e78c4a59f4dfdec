package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MailRateLimitTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void atMostTheLimitInAnySixtySeconds() {
        MailRateLimit limit = new MailRateLimit();
        limit.setLimit(3);
        long t = 1_000 * SECOND;
        assertTrue(limit.tryAcquire(t));
        assertTrue(limit.tryAcquire(t + 10 * SECOND));
        assertTrue(limit.tryAcquire(t + 20 * SECOND));
        assertFalse(limit.tryAcquire(t + 30 * SECOND));
        assertEquals(30 * SECOND, limit.nanosUntilAllowed(t + 30 * SECOND));
        assertFalse(limit.tryAcquire(t + 60 * SECOND - 1));
        assertTrue(limit.tryAcquire(t + 60 * SECOND), "the first mail left the window");
        assertFalse(limit.tryAcquire(t + 65 * SECOND));
        assertTrue(limit.tryAcquire(t + 70 * SECOND));
    }

    @Test
    void zeroMeansNoLimitAndTheLimitCanChange() {
        MailRateLimit limit = new MailRateLimit();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(limit.tryAcquire(i));
        }
        assertEquals(0, limit.nanosUntilAllowed(0));
        limit.setLimit(1);
        assertTrue(limit.tryAcquire(0));
        assertFalse(limit.tryAcquire(SECOND));
        limit.setLimit(2);
        assertTrue(limit.tryAcquire(SECOND));
        limit.setLimit(0);
        assertTrue(limit.tryAcquire(2 * SECOND));
    }
}
