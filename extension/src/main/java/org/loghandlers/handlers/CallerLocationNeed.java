package org.loghandlers.handlers;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import org.loghandlers.format.AppendingFormatter;

/**
 * Whether the handlers behind a queue will print where a record was logged from, so that the queue must find the
 * caller on the logging thread (a stack walk per record) before the record leaves it. Our formatters say which
 * attributes they print; a formatter we cannot inspect, or a handler of another kind without one, is taken to need
 * the caller, to stay correct. Buffering and queue handlers are looked through to their own targets; a
 * {@link NullHandler} prints nothing.
 */
final class CallerLocationNeed {

    /** Deeper chains of forwarding handlers than this are not followed: the caller is then captured. */
    private static final int MAX_DEPTH = 8;

    private CallerLocationNeed() {
    }

    /** For {@code targets} behind a queue that is itself {@code depth} forwarding handlers deep. */
    static boolean of(Handler[] targets, int depth) {
        for (Handler target : targets) {
            if (needs(target, depth)) {
                return true;
            }
        }
        return false;
    }

    private static boolean needs(Handler target, int depth) {
        if (depth >= MAX_DEPTH) {
            return true;
        }
        if (target.getClass() == NullHandler.class) {
            return false;
        }
        if (target instanceof QueueHandler queue) {
            return queue.capturesCallerLocation(depth + 1);
        }
        if (target instanceof MemoryHandler memory) {
            Handler next = memory.getTarget();
            return next != null && needs(next, depth + 1);
        }
        if (target instanceof SocketHandler socket && socket.picklesRecords()
                || target instanceof DatagramHandler datagram && datagram.picklesRecords()) {
            // Python's pickle of a record carries pathname, filename, module and funcName, whatever the formatter.
            return true;
        }
        Formatter formatter = target.getFormatter();
        if (formatter instanceof AppendingFormatter ours) {
            return ours.usesCallerLocation();
        }
        // Our stream, file and syslog handlers print "%(message)s" when they have no formatter.
        return formatter != null || !(target instanceof StreamHandler || target instanceof SysLogHandler);
    }
}
