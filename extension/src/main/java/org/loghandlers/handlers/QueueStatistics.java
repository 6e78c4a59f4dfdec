package org.loghandlers.handlers;

/**
 * A snapshot of a {@link QueueHandler}'s counters.
 *
 * <p>Every record the handler takes is counted once as {@code accepted}; it is then either {@code delivered} (handed
 * to the listener's handlers, or straight to them after the listener stopped) or {@code dropped} by the overflow
 * policy. So {@code accepted == delivered + dropped + queued} at every quiet moment, and
 * {@code accepted == delivered + dropped} once the listener has stopped. The counters are read one after another,
 * so a snapshot taken while records flow may be off by the records in flight.
 *
 * @param name          the queue's name
 * @param capacity      how many records the queue holds
 * @param accepted      records the handler took (past its level and filter)
 * @param delivered     records handed to the target handlers
 * @param dropped       records dropped by the overflow policy
 * @param queued        records waiting in the queue now
 * @param highWaterMark the most records the queue was seen holding at once: looked at when the consumer starts a
 *                      batch and when a logging thread finds the queue full
 */
public record QueueStatistics(String name, int capacity, long accepted, long delivered, long dropped, int queued,
                              int highWaterMark) {
}
