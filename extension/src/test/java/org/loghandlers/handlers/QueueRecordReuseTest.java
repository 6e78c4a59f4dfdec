package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.NDC;
import org.junit.jupiter.api.Test;
import org.loghandlers.format.JsonFormatter;
import org.loghandlers.format.PythonFormatter;

/**
 * The queue's ring reuses its records: a handler that takes records in batches (our stream and file handlers) is
 * given the ring's record for the call only, every other handler a copy of its own. Whichever it gets, a handler
 * sees what {@link QueueHandler#prepare} promises, and a record is never changed while a handler still has it.
 */
class QueueRecordReuseTest {

    private static final String EVERY_ATTRIBUTE = "%(asctime)s|%(created)f|%(msecs)d"
            + "|%(levelname)s|%(levelno)d|%(name)s|%(thread)d|%(threadName)s|%(funcName)s|%(module)s|%(filename)s"
            + "|%(lineno)d|%(pathname)s|%(message)s";

    /** Beside the queue on the same logger: what {@code prepare} makes of each record, formatted at once. */
    private static final class PrepareWitness extends Handler {
        final QueueHandler queue;
        final Formatter formatter;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<LogRecord> prepared = new CopyOnWriteArrayList<>();

        PrepareWitness(QueueHandler queue, Formatter formatter) {
            this.queue = queue;
            this.formatter = formatter;
        }

        @Override
        public void publish(LogRecord record) {
            LogRecord copy = queue.prepare(record);
            prepared.add(copy);
            lines.add(formatter.format(copy));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static Logger loggerWith(Handler... handlers) {
        Logger logger = Logger.getLogger("reuse." + System.nanoTime());
        logger.setUseParentHandlers(false);
        for (Handler handler : handlers) {
            logger.addHandler(handler);
        }
        return logger;
    }

    private static void onThread(String name, Runnable work) throws InterruptedException {
        Thread thread = new Thread(work, name);
        thread.start();
        thread.join();
    }

    @Test
    void aFileOrStreamBehindTheQueuePrintsExactlyWhatPrepareFixedOnTheLoggingThread() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler behind = new StreamHandler(out);
        behind.setFormatter(new PythonFormatter(EVERY_ATTRIBUTE));
        QueueHandler queue = new QueueHandler(behind);
        queue.setCapacity(4);
        PrepareWitness witness = new PrepareWitness(queue, new PythonFormatter(EVERY_ATTRIBUTE));
        Logger logger = loggerWith(queue, witness);
        Object[] mutable = {new StringBuilder("before")};

        onThread("producer-1", () -> {
            for (int i = 0; i < 50; i++) {
                logger.log(Level.WARNING, "record {0} of {1}", new Object[] {i, mutable[0]});
                ((StringBuilder) mutable[0]).append('!');
            }
            logger.log(Level.SEVERE, "with an exception", new IllegalStateException("boom"));
        });
        queue.close();

        List<String> expected = new ArrayList<>();
        for (String line : witness.lines) {
            expected.addAll(line.lines().toList());
        }
        assertEquals(expected, out.toString(StandardCharsets.UTF_8).lines().toList());
        assertTrue(expected.get(0).contains("|producer-1|"), expected.get(0));
        assertTrue(expected.get(0).endsWith("|record 0 of before"), "merged on the logging thread: " + expected.get(0));
        assertTrue(expected.get(0).contains("|QueueRecordReuseTest.java|"),
                "the caller, found on the logging thread because the format prints it: " + expected.get(0));
    }

    @Test
    void aJBossRecordBehindTheQueueKeepsTheMdcNdcAndThreadNameOfTheLoggingThread() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler behind = new StreamHandler(out);
        behind.setFormatter(new JsonFormatter());
        QueueHandler queue = new QueueHandler(behind);
        queue.setCapacity(2);
        CollectingTarget keeper = new CollectingTarget();
        QueueHandler keptQueue = new QueueHandler(keeper);
        List<String> expected = new ArrayList<>();
        List<LogRecord> preparedCopies = new ArrayList<>();
        JsonFormatter json = new JsonFormatter();

        onThread("jboss-producer", () -> {
            for (int i = 0; i < 20; i++) {
                MDC.put("request", "r-" + i);
                NDC.push("n-" + i);
                ExtLogRecord record = new ExtLogRecord(Level.INFO, "user %s", ExtLogRecord.FormatStyle.PRINTF,
                        QueueRecordReuseTest.class.getName());
                record.setLoggerName("jboss.app");
                record.setParameters(new Object[] {"ann-" + i});
                queue.publish(record);
                keptQueue.publish(record);
                LogRecord prepared = queue.prepare(record);
                preparedCopies.add(prepared);
                expected.add(json.format(prepared).strip());
                NDC.pop();
                MDC.put("request", "changed after logging");
            }
            MDC.remove("request");
        });
        queue.close();
        keptQueue.close();

        assertEquals(expected, out.toString(StandardCharsets.UTF_8).lines().toList());
        assertTrue(expected.get(3).contains("\"mdc\":{\"request\":\"r-3\"}"), expected.get(3));
        assertTrue(expected.get(3).contains("\"thread\":\"jboss-producer\""), expected.get(3));
        assertTrue(expected.get(3).contains("\"message\":\"user ann-3\""), expected.get(3));

        List<LogRecord> kept = keeper.records();
        assertEquals(20, kept.size());
        for (int i = 0; i < kept.size(); i++) {
            ExtLogRecord copy = assertInstanceOf(ExtLogRecord.class, kept.get(i),
                    "a handler that keeps records gets an ExtLogRecord, as prepare makes");
            ExtLogRecord promised = (ExtLogRecord) preparedCopies.get(i);
            assertEquals(promised.getFormattedMessage(), copy.getFormattedMessage());
            assertNull(copy.getParameters());
            assertEquals("r-" + i, copy.getMdc("request"));
            assertEquals(promised.getMdcCopy(), copy.getMdcCopy());
            assertEquals("n-" + i, copy.getNdc());
            assertEquals(promised.getNdc(), copy.getNdc());
            assertEquals("jboss-producer", copy.getThreadName());
            assertEquals(promised.getInstant(), copy.getInstant());
            assertEquals(promised.getSequenceNumber(), copy.getSequenceNumber());
            assertEquals(promised.getLoggerName(), copy.getLoggerName());
            assertEquals(promised.getLevel(), copy.getLevel());
        }
    }

    @Test
    void aHandlerThatKeepsRecordsGetsCopiesThatStayIntactWhileTheRingGoesRoundManyTimes() throws Exception {
        CollectingTarget flushedTo = new CollectingTarget();
        MemoryHandler memory = new MemoryHandler(100_000, Level.OFF, flushedTo);
        CollectingTarget keeper = new CollectingTarget();
        QueueHandler queue = new QueueHandler(memory, keeper);
        queue.setCapacity(4);
        Logger logger = loggerWith(queue);

        onThread("keeping-producer", () -> {
            for (int i = 0; i < 2_000; i++) {
                logger.log(Level.INFO, "m{0}", String.valueOf(i));
            }
        });
        queue.close();
        memory.flush();

        List<String> inOrder = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            inOrder.add("m" + i);
        }
        assertEquals(inOrder, flushedTo.messages(), "the memory handler's buffer, read after 500 laps of the ring");
        assertEquals(inOrder, keeper.messages());
        List<LogRecord> records = keeper.records();
        for (int i = 0; i < records.size(); i++) {
            PreparedRecord record = assertInstanceOf(PreparedRecord.class, records.get(i));
            assertEquals("keeping-producer", record.getThreadName());
            assertSame(records.get(i), flushedTo.records().get(i), "one copy per record, shared by the keepers");
        }
    }

    @Test
    void theRecordAHandlerIsWritingIsNotReusedWhileProducersGoOnFillingTheRing() throws Exception {
        CountDownLatch firstRecordArrived = new CountDownLatch(1);
        CountDownLatch producersDone = new CountDownLatch(1);
        List<String> seenAtStartAndEnd = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler slow = new StreamHandler(out) {
            @Override
            public void handleInBatch(LogRecord record) {
                String atStart = record.getMessage() + "/" + record.getLevel() + "/" + record.getSequenceNumber();
                if (firstRecordArrived.getCount() > 0) {
                    firstRecordArrived.countDown();
                    try {
                        producersDone.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                super.handleInBatch(record);
                seenAtStartAndEnd.add(atStart + " " + record.getMessage() + "/" + record.getLevel() + "/"
                        + record.getSequenceNumber());
            }
        };
        slow.setFormatter(new PythonFormatter("%(message)s"));
        QueueHandler queue = new QueueHandler(2, OverflowPolicy.DROP_OLDEST, slow);
        queue.publish(new LogRecord(Level.SEVERE, "first"));
        assertTrue(firstRecordArrived.await(30, TimeUnit.SECONDS));
        for (int i = 0; i < 1_000; i++) {
            queue.publish(new LogRecord(Level.INFO, "later " + i));
        }
        producersDone.countDown();
        queue.close();

        String first = seenAtStartAndEnd.get(0);
        String[] startAndEnd = first.split(" ", 2);
        assertEquals(startAndEnd[0], startAndEnd[1], "the record changed while its handler had it");
        assertTrue(first.startsWith("first/SEVERE/"), first);
        List<String> written = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("first", "later 998", "later 999"), written.subList(0, 3));
        assertTrue(written.get(3).startsWith("998 records dropped by queue 'queue' since "), written.get(3));
        QueueStatistics statistics = queue.getStatistics();
        assertEquals(998, statistics.dropped());
        assertEquals(3, statistics.delivered());
    }

    @Test
    void aSubclassOverridingPrepareGetsPythonsTwoStepsAndItsRecordIsQueued() throws Exception {
        CollectingTarget target = new CollectingTarget();
        QueueHandler queue = new QueueHandler(target) {
            @Override
            protected LogRecord prepare(LogRecord record) {
                LogRecord prepared = super.prepare(record);
                prepared.setMessage("[tagged] " + prepared.getMessage());
                return prepared;
            }
        };
        queue.publish(new LogRecord(Level.INFO, "hello"));
        queue.close();
        assertEquals(List.of("[tagged] hello"), target.messages());
        assertEquals(1, queue.getStatistics().delivered());
    }

    @Test
    void aFailingFormatterOnTheQueueIsReportedAndTheRecordIsNotCountedAccepted() {
        CollectingTarget target = new CollectingTarget();
        QueueHandler queue = new QueueHandler(target);
        org.loghandlers.testing.CountingErrorManager errors = new org.loghandlers.testing.CountingErrorManager();
        queue.setErrorManager(errors);
        queue.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                if (record.getMessage().equals("lost")) {
                    throw new IllegalStateException("cannot format");
                }
                return record.getMessage();
            }
        });
        queue.publish(new LogRecord(Level.INFO, "lost"));
        queue.publish(new LogRecord(Level.INFO, "kept"));
        queue.close();

        assertEquals(List.of("kept"), target.messages());
        assertEquals(1, errors.count());
        assertEquals(java.util.logging.ErrorManager.FORMAT_FAILURE, errors.reports().get(0).code());
        QueueStatistics statistics = queue.getStatistics();
        assertEquals(1, statistics.accepted());
        assertEquals(statistics.accepted(), statistics.delivered() + statistics.dropped());
    }
}
