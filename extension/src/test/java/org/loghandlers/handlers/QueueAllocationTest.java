package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.format.PythonFormatter;

/**
 * What a record costs in memory on the queue path a user configures (a queue in front of a file): the logging
 * thread's hand-off and the consumer's formatting and writing allocate nothing per record once the ring has gone
 * round and the per-thread buffers exist. Counted with the JVM's per-thread allocation counters, not timed: the
 * records themselves are made before counting starts.
 */
class QueueAllocationTest {

    private static final int RECORDS = 20_000;
    /** Bytes per record allowed for what is not per record: a date text each second, a buffer made again after GC. */
    private static final double TOLERANCE_BYTES_PER_RECORD = 2;

    private static com.sun.management.ThreadMXBean threads;

    @TempDir
    Path dir;

    @BeforeAll
    static void allocationCountersAvailable() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM has no per-thread allocation counters");
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocations per thread");
    }

    /** Bytes allocated per record by the logging thread and by the listener, for {@code RECORDS} records. */
    private double[] bytesPerRecord(IntFunction<LogRecord> records) throws Exception {
        Path file = dir.resolve("app.log");
        FileHandler target = new FileHandler(file.toString());
        target.setFormatter(new PythonFormatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s - %(message)s"));
        QueueHandler queue = new QueueHandler(target);
        queue.setName("allocation");
        queue.setCapacity(1024);
        List<LogRecord> warmUp = make(records, RECORDS);
        List<LogRecord> counted = make(records, RECORDS);

        warmUp.forEach(queue::publish);
        awaitDelivered(queue, RECORDS);
        Thread listener = thread("loghandlers-queue-allocation");
        long consumerBefore = threads.getThreadAllocatedBytes(listener.getId());
        long producerBefore = threads.getCurrentThreadAllocatedBytes();
        for (LogRecord record : counted) {
            queue.publish(record);
        }
        long producerBytes = threads.getCurrentThreadAllocatedBytes() - producerBefore;
        awaitDelivered(queue, 2 * RECORDS);
        long consumerBytes = threads.getThreadAllocatedBytes(listener.getId()) - consumerBefore;
        queue.close();
        target.close();

        assertEquals(2 * RECORDS, Files.readAllLines(file).size());
        return new double[] {producerBytes / (double) RECORDS, consumerBytes / (double) RECORDS};
    }

    private static List<LogRecord> make(IntFunction<LogRecord> records, int count) {
        List<LogRecord> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            made.add(records.apply(i));
        }
        return made;
    }

    private static void awaitDelivered(QueueHandler queue, long count) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (queue.getStatistics().delivered() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("delivered only " + queue.getStatistics());
            }
            Thread.sleep(1);
        }
    }

    private static Thread thread(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread;
            }
        }
        throw new AssertionError("no thread " + name);
    }

    @Test
    void aJdkRecordThroughTheQueueToAFileAllocatesNothingOnEitherThread() throws Exception {
        double[] perRecord = bytesPerRecord(i -> {
            LogRecord record = new LogRecord(Level.INFO, "This is a debug message");
            record.setLoggerName("org.loghandlers.benchmarks.Workload");
            return record;
        });
        assertTrue(perRecord[0] <= TOLERANCE_BYTES_PER_RECORD, "logging thread: " + perRecord[0] + " B per record");
        assertTrue(perRecord[1] <= TOLERANCE_BYTES_PER_RECORD, "listener: " + perRecord[1] + " B per record");
    }

    @Test
    void aJBossRecordWithAnEmptyMdcThroughTheQueueToAFileAllocatesNothingOnEitherThread() throws Exception {
        double[] perRecord = bytesPerRecord(i -> {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, "This is a debug message",
                    ExtLogRecord.FormatStyle.MESSAGE_FORMAT, QueueAllocationTest.class.getName());
            record.setLoggerName("org.loghandlers.benchmarks.Workload");
            return record;
        });
        assertTrue(perRecord[0] <= TOLERANCE_BYTES_PER_RECORD, "logging thread: " + perRecord[0] + " B per record");
        assertTrue(perRecord[1] <= TOLERANCE_BYTES_PER_RECORD, "listener: " + perRecord[1] + " B per record");
    }
}
