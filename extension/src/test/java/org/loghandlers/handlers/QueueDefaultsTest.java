package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.loghandlers.format.JsonFormatter;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.testing.CountingStream;

/**
 * What a queue does with its defaults, the configuration users write: it walks the stack for the caller only when
 * a handler behind it prints the caller, and the stream and file handlers behind it are flushed once per batch.
 */
class QueueDefaultsTest {

    /** A stream handler that also keeps the records it was given. */
    private static final class KeepingStreamHandler extends StreamHandler {
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        KeepingStreamHandler(Formatter formatter) {
            super(new ByteArrayOutputStream());
            setFormatter(formatter);
        }

        @Override
        public void handleInBatch(LogRecord record) {
            records.add(record);
            super.handleInBatch(record);
        }
    }

    private static LogRecord loggedThroughAQueueTo(Handler target, Boolean callerLocation) {
        KeepingStreamHandler keeper = target instanceof KeepingStreamHandler k ? k : null;
        QueueHandler queue = new QueueHandler(target);
        if (callerLocation != null) {
            queue.setCallerLocation(callerLocation);
        }
        Logger logger = Logger.getLogger("defaults." + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.addHandler(queue);
        logger.info("where from?");
        queue.close();
        logger.removeHandler(queue);
        return keeper.records.get(0);
    }

    @Test
    void noStackWalkWhenNoHandlerBehindTheQueuePrintsTheCaller() {
        LogRecord delivered = loggedThroughAQueueTo(new KeepingStreamHandler(
                new PythonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")), null);
        assertNull(delivered.getSourceClassName());
        assertNull(delivered.getSourceMethodName());
    }

    @Test
    void theCallerIsTakenOnTheLoggingThreadWhenAFormatterBehindTheQueuePrintsIt() {
        for (String format : List.of("%(funcName)s %(message)s", "%(lineno)d", "%(module)s", "%(filename)s",
                "%(pathname)s")) {
            LogRecord delivered = loggedThroughAQueueTo(new KeepingStreamHandler(new PythonFormatter(format)), null);
            assertEquals(QueueDefaultsTest.class.getName(), delivered.getSourceClassName(), format);
            assertEquals("loggedThroughAQueueTo", delivered.getSourceMethodName(), format);
        }
    }

    @Test
    void theCallerIsTakenForJsonAndForAFormatterThatCannotBeInspected() {
        for (Formatter formatter : List.of(new JsonFormatter(), new SimpleFormatter())) {
            LogRecord delivered = loggedThroughAQueueTo(new KeepingStreamHandler(formatter), null);
            assertEquals("loggedThroughAQueueTo", delivered.getSourceMethodName(), formatter.toString());
        }
    }

    @Test
    void anExplicitCallerLocationWinsEitherWay() {
        assertNull(loggedThroughAQueueTo(new KeepingStreamHandler(new PythonFormatter("%(funcName)s")), false)
                .getSourceMethodName());
        assertEquals("loggedThroughAQueueTo", loggedThroughAQueueTo(
                new KeepingStreamHandler(new PythonFormatter("%(message)s")), true).getSourceMethodName());
    }

    @Test
    void aFormatterChangedBehindARunningQueueCountsFromTheListenersNextBatch() throws Exception {
        List<String> callers = new CopyOnWriteArrayList<>();
        StreamHandler target = new StreamHandler(new ByteArrayOutputStream()) {
            @Override
            public void handleInBatch(LogRecord record) {
                callers.add(String.valueOf(record.getSourceMethodName()));
                super.handleInBatch(record);
            }
        };
        target.setFormatter(new PythonFormatter("%(message)s"));
        QueueHandler queue = new QueueHandler(target);
        Logger logger = Logger.getLogger("defaults.changed." + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.addHandler(queue);
        try {
            logger.info("before the change");
            awaitDelivered(callers, 1);
            target.setFormatter(new PythonFormatter("%(funcName)s %(message)s"));
            // Queued before the listener looks again: it may or may not carry the caller.
            logger.info("right after the change");
            awaitDelivered(callers, 2);
            logger.info("once the listener has started a batch since the change");
            awaitDelivered(callers, 3);
        } finally {
            queue.close();
            logger.removeHandler(queue);
        }
        assertEquals("null", callers.get(0), "no stack walk while nothing printed the caller");
        assertEquals("aFormatterChangedBehindARunningQueueCountsFromTheListenersNextBatch", callers.get(2));
    }

    private static void awaitDelivered(List<String> delivered, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + delivered.size() + " of " + count + " records delivered");
            }
            Thread.sleep(1);
        }
    }

    @Test
    void aSyslogHandlerNeedsTheCallerOnlyWhenItsFormatterPrintsItAndAPickleAlways() {
        SysLogHandler plain = new SysLogHandler();
        SysLogHandler withCaller = new SysLogHandler();
        withCaller.setFormatter(new PythonFormatter("%(funcName)s: %(message)s"));
        SocketHandler pickles = new SocketHandler("127.0.0.1", 9);
        DatagramHandler datagrams = new DatagramHandler("127.0.0.1", 9);
        try {
            assertEquals(false, new QueueHandler(plain).isCallerLocation(), "syslog prints %(message)s by default");
            assertTrue(new QueueHandler(withCaller).isCallerLocation());
            assertTrue(new QueueHandler(pickles).isCallerLocation(), "a pickle carries funcName and pathname");
            assertTrue(new QueueHandler(datagrams).isCallerLocation());
        } finally {
            plain.close();
            withCaller.close();
            pickles.close();
            datagrams.close();
        }
    }

    @Test
    void aQueueLooksThroughAMemoryHandlerToTheFormatterBehindIt() {
        KeepingStreamHandler file = new KeepingStreamHandler(new PythonFormatter("%(funcName)s %(message)s"));
        QueueHandler queue = new QueueHandler(new MemoryHandler(10, Level.SEVERE, file));
        assertTrue(queue.isCallerLocation());
        QueueHandler quiet = new QueueHandler(new MemoryHandler(10, Level.SEVERE,
                new KeepingStreamHandler(new PythonFormatter("%(message)s"))));
        assertEquals(false, quiet.isCallerLocation());
    }

    @Test
    void aStreamBehindAQueueIsFlushedOncePerBatchAndRecordsLoggedToItDirectlyStillOncePerRecord()
            throws Exception {
        CountingStream stream = new CountingStream();
        StreamHandler behind = new StreamHandler(stream);
        CountDownLatch firstRecordHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Handler gate = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (firstRecordHeld.getCount() > 0) {
                    firstRecordHeld.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        QueueHandler queue = new QueueHandler(gate, behind);
        queue.setCapacity(2048);
        queue.publish(new LogRecord(Level.INFO, "r0"));
        assertTrue(firstRecordHeld.await(10, TimeUnit.SECONDS));
        for (int i = 1; i < 1000; i++) {
            queue.publish(new LogRecord(Level.INFO, "r" + i));
        }
        release.countDown();
        queue.close();

        assertEquals(1000, stream.writes.get());
        assertTrue(stream.flushes.get() <= 3, "flushes: " + stream.flushes.get());
        assertEquals(1000, stream.bytes.toString().lines().count());

        int flushesBefore = stream.flushes.get();
        for (int i = 0; i < 10; i++) {
            behind.publish(new LogRecord(Level.INFO, "direct " + i));
        }
        assertEquals(flushesBefore + 10, stream.flushes.get(), "autoFlush still applies to records from a logger");
    }
}
