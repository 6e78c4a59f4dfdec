package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.CountingErrorManager;

/**
 * On an executor (a container's managed executor) the listener runs as a chain of short tasks, so that no task of
 * its lives long enough to be taken for a hung one: WildFly cancels those, whatever hint they carry.
 */
class QueueListenerOnExecutorTest {

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName("exec");
        return record;
    }

    @Test
    void noTaskRunsMuchLongerThanASecondAndEveryRecordIsDelivered() throws Exception {
        List<Long> taskMillis = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            CollectingTarget target = new CollectingTarget();
            QueueHandler handler = new QueueHandler(target);
            handler.getListener().start(task -> pool.execute(() -> {
                long start = System.nanoTime();
                task.run();
                taskMillis.add((System.nanoTime() - start) / 1_000_000);
            }));
            long end = System.nanoTime() + 3_500_000_000L;
            int sent = 0;
            while (System.nanoTime() < end) {
                handler.publish(record("r" + sent++));
                Thread.sleep(1);
            }
            handler.close();

            assertEquals(sent, target.records().size());
            assertTrue(taskMillis.size() >= 3, () -> "tasks: " + taskMillis);
            assertTrue(taskMillis.stream().allMatch(millis -> millis < 2_500), () -> "tasks: " + taskMillis);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTheExecutorRefusesTheNextTaskRecordsGoStraightToTheHandlersAndThatIsReportedOnce() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            AtomicInteger submitted = new AtomicInteger();
            CollectingTarget target = new CollectingTarget();
            QueueHandler handler = new QueueHandler(target);
            CountingErrorManager errors = new CountingErrorManager();
            handler.setErrorManager(errors);
            handler.getListener().start(task -> {
                if (submitted.incrementAndGet() > 1) {
                    throw new RejectedExecutionException("shutting down");
                }
                pool.execute(task);
            });
            handler.publish(record("before"));
            Thread.sleep(1_500);
            handler.publish(record("after"));
            handler.close();

            assertEquals(List.of("before", "after"), target.records().stream().map(LogRecord::getMessage).toList());
            assertEquals(1, errors.count(), () -> errors.reports().toString());
        } finally {
            pool.shutdownNow();
        }
    }
}
