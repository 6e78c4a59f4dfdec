package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueueHandlerTest {

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("que");
        record.setParameters(parameters.length == 0 ? null : parameters);
        return record;
    }

    @Test
    void prepareQueuesAMergedCopyAndLeavesTheOriginalIntactForOtherHandlers() throws Exception {
        CollectingTarget behindTheQueue = new CollectingTarget();
        CollectingTarget besideTheQueue = new CollectingTarget();
        QueueHandler handler = new QueueHandler(behindTheQueue);
        Logger logger = Logger.getLogger("que." + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        logger.addHandler(besideTheQueue);
        IllegalStateException failure = new IllegalStateException("bad state");
        Object[] parameters = {5};
        LogRecord logged = new LogRecord(Level.SEVERE, "v={0}");
        logged.setLoggerName(logger.getName());
        logged.setParameters(parameters);
        logged.setThrown(failure);

        logger.log(logged);
        behindTheQueue.awaitRecords(1);
        handler.close();

        LogRecord original = besideTheQueue.records().get(0);
        LogRecord prepared = behindTheQueue.records().get(0);
        assertNotSame(original, prepared);
        assertEquals("v=5", prepared.getMessage());
        assertNull(prepared.getParameters());
        assertSame(failure, prepared.getThrown(), "the exception is kept for the consumer's formatter");
        assertEquals(logger.getName(), prepared.getLoggerName());
        assertEquals(original.getInstant(), prepared.getInstant());
        assertEquals(original.getSequenceNumber(), prepared.getSequenceNumber());
        assertEquals(Thread.currentThread().getName(), ((PreparedRecord) prepared).getThreadName());
        assertEquals(QueueHandlerTest.class.getName(), prepared.getSourceClassName());
        assertEquals("prepareQueuesAMergedCopyAndLeavesTheOriginalIntactForOtherHandlers",
                prepared.getSourceMethodName());

        assertEquals("v={0}", original.getMessage());
        assertSame(parameters, original.getParameters());
        assertSame(failure, original.getThrown());
    }

    @Test
    void withAFormatterTheQueuedMessageIsTheFormattedTextAndTheExceptionIsClearedAsInPython() {
        // test_logging QueueHandlerTest.test_formatting: record.msg == record.message == 'que -> WARNING: 1'.
        QueueHandler handler = new QueueHandler();
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getLoggerName() + " -> " + record.getLevel() + ": " + formatMessage(record);
            }
        });
        LogRecord original = record(Level.WARNING, "{0}", 1);
        original.setThrown(new RuntimeException("x"));

        LogRecord prepared = handler.prepare(original);

        assertEquals("que -> WARNING: 1", prepared.getMessage());
        assertNull(prepared.getParameters());
        assertNull(prepared.getThrown());
        assertEquals("{0}", original.getMessage());
        assertFalse(original.getThrown() == null);
    }

    @Test
    void withoutCallerLocationTheCopyCarriesNoCaller() {
        QueueHandler handler = new QueueHandler();
        handler.setCallerLocation(false);
        LogRecord prepared = handler.prepare(record(Level.INFO, "m"));
        assertNull(prepared.getSourceClassName());
        assertNull(prepared.getSourceMethodName());
    }

    @Test
    void aJBossRecordIsCopiedWithTheProducersMdcAndThreadName() {
        QueueHandler handler = new QueueHandler();
        ExtLogRecord original = new ExtLogRecord(Level.INFO, "user %s", ExtLogRecord.FormatStyle.PRINTF,
                QueueHandlerTest.class.getName());
        original.setParameters(new Object[] {"ann"});
        MDC.put("request", "r-17");
        LogRecord prepared;
        try {
            prepared = handler.prepare(original);
        } finally {
            MDC.remove("request");
        }

        ExtLogRecord copy = assertInstanceOf(ExtLogRecord.class, prepared);
        assertNotSame(original, copy);
        assertEquals("user ann", copy.getFormattedMessage());
        assertNull(copy.getParameters());
        assertEquals("r-17", copy.getMdc("request"), "the MDC as it was when the record was logged");
        assertEquals(Thread.currentThread().getName(), copy.getThreadName());
        assertEquals("user %s", original.getMessage());
        assertArrayEquals(new Object[] {"ann"}, original.getParameters());
    }

    @Test
    void theConsumerSeesTheProducersThreadNameNotItsOwn() throws Exception {
        CollectingTarget target = new CollectingTarget();
        QueueHandler handler = new QueueHandler(target);
        handler.setName("names");
        Thread producer = new Thread(() -> handler.publish(record(Level.INFO, "hello")), "producer-1");
        producer.start();
        producer.join();
        target.awaitRecords(1);
        handler.close();

        PreparedRecord delivered = (PreparedRecord) target.records().get(0);
        assertEquals("producer-1", delivered.getThreadName());
        assertEquals("loghandlers-queue-names", target.deliveringThreads().get(0));
    }

    @Test
    void theListenerGivesEveryRecordToEveryHandlerInOrder() {
        CollectingTarget first = new CollectingTarget();
        CollectingTarget second = new CollectingTarget();
        QueueHandler handler = new QueueHandler(first, second);
        for (Level level : List.of(Level.WARNING, Level.SEVERE, Level.INFO)) {
            handler.publish(record(level, level.getName()));
        }
        handler.getListener().stop();
        handler.getListener().stop();
        assertEquals(List.of("WARNING", "SEVERE", "INFO"), first.messages());
        assertEquals(List.of("WARNING", "SEVERE", "INFO"), second.messages());
    }

    @Test
    void withRespectHandlerLevelAHandlerGetsOnlyRecordsAtOrAboveItsLevel() {
        // test_logging QueueHandlerTest.test_queue_listener: a CRITICAL handler gets only the critical record.
        CollectingTarget severeOnly = new CollectingTarget.IgnoringLevel();
        severeOnly.setLevel(Level.SEVERE);
        QueueHandler handler = new QueueHandler(severeOnly);
        handler.setRespectHandlerLevel(true);
        handler.publish(record(Level.WARNING, "warning"));
        handler.publish(record(Level.SEVERE, "severe"));
        handler.publish(record(Level.INFO, "info"));
        handler.close();
        assertEquals(List.of("severe"), severeOnly.messages());
    }

    @Test
    void withoutRespectHandlerLevelTheHandlersLevelIsIgnoredAsInPython() {
        CollectingTarget severeOnly = new CollectingTarget.IgnoringLevel();
        severeOnly.setLevel(Level.SEVERE);
        QueueHandler handler = new QueueHandler(severeOnly);
        handler.publish(record(Level.WARNING, "warning"));
        handler.publish(record(Level.SEVERE, "severe"));
        handler.close();
        assertEquals(List.of("warning", "severe"), severeOnly.messages());
    }

    @Test
    void startingTwiceThrowsLikePython314AndAStoppedListenerStaysStopped() {
        QueueHandler handler = new QueueHandler(new CollectingTarget());
        QueueListener listener = handler.getListener();
        listener.start();
        IllegalStateException twice = assertThrows(IllegalStateException.class, listener::start);
        assertTrue(twice.getMessage().contains("already started"), twice.getMessage());
        listener.stop();
        assertFalse(listener.isRunning());
        assertThrows(IllegalStateException.class, listener::start);
    }

    @Test
    void aRecordPublishedAfterStopGoesStraightToTheHandlersOnTheCallersThread() {
        CollectingTarget target = new CollectingTarget();
        QueueHandler handler = new QueueHandler(target);
        handler.publish(record(Level.INFO, "queued"));
        handler.getListener().stop();
        handler.publish(record(Level.INFO, "after stop"));

        assertEquals(List.of("queued", "after stop"), target.messages());
        assertEquals(Thread.currentThread().getName(), target.deliveringThreads().get(1));
        QueueStatistics statistics = handler.getStatistics();
        assertEquals(2, statistics.accepted());
        assertEquals(2, statistics.delivered());
    }

    @Test
    void closeAfterStopIsSafeAndLaterRecordsAreIgnored() {
        CollectingTarget target = new CollectingTarget();
        QueueHandler handler = new QueueHandler(target);
        handler.publish(record(Level.INFO, "one"));
        handler.getListener().stop();
        handler.close();
        handler.close();
        handler.publish(record(Level.INFO, "after close"));
        assertEquals(List.of("one"), target.messages());
    }

    @Test
    void theLoopRunsOnTheExecutorTheCallerSupplies() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "container-managed-1"));
        try {
            CollectingTarget target = new CollectingTarget();
            QueueHandler handler = new QueueHandler(target);
            handler.setExecutor(executor);
            handler.publish(record(Level.INFO, "via executor"));
            target.awaitRecords(1);
            handler.close();
            assertEquals(List.of("container-managed-1"), target.deliveringThreads());
        } finally {
            executor.shutdown();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "the loop returned its thread");
        }
    }

    @Test
    void stopFinishesTheWorkEvenIfTheExecutorNeverRanTheLoop() {
        CollectingTarget target = new CollectingTarget();
        QueueHandler handler = new QueueHandler(target);
        handler.getListener().start(task -> { });
        handler.publish(record(Level.INFO, "waiting"));
        handler.getListener().stop();
        assertEquals(List.of("waiting"), target.messages());
    }

    @Test
    void theHandlersAreFlushedAtTheEndOfABatchNotPerRecord() throws Exception {
        CollectingTarget target = new CollectingTarget();
        target.holdFirstRecord();
        QueueHandler handler = new QueueHandler(target);
        handler.publish(record(Level.INFO, "first"));
        target.awaitFirstRecord();
        for (int i = 0; i < 500; i++) {
            handler.publish(record(Level.INFO, "r" + i));
        }
        target.release();
        handler.close();
        assertEquals(501, target.records().size());
        assertTrue(target.flushes() <= 3, "flushed " + target.flushes() + " times for 2 batches");
    }

    @Test
    void droppedRecordsAreCountedAndReportedOnceTheQueueRecovers() throws Exception {
        CollectingTarget target = new CollectingTarget();
        target.holdFirstRecord();
        QueueHandler handler = new QueueHandler(target);
        handler.setName("small");
        handler.setCapacity(4);
        handler.setOverflowPolicy("drop-newest");
        handler.publish(record(Level.INFO, "in flight"));
        target.awaitFirstRecord();
        for (int i = 0; i < 10; i++) {
            handler.publish(record(Level.INFO, "r" + i));
        }
        target.release();
        handler.close();

        QueueStatistics statistics = handler.getStatistics();
        assertEquals(11, statistics.accepted());
        assertEquals(6, statistics.dropped());
        assertEquals(5, statistics.delivered());
        assertEquals(4, statistics.highWaterMark());
        assertEquals(List.of("in flight", "r0", "r1", "r2", "r3"), target.messages().subList(0, 5));
        LogRecord notice = target.records().get(5);
        assertEquals(Level.WARNING, notice.getLevel());
        assertTrue(notice.getMessage().startsWith("6 records dropped by queue 'small' since "), notice.getMessage());
        assertEquals(6, target.records().size());
    }

    @Test
    void dropOldestKeepsTheNewestRecords() throws Exception {
        CollectingTarget target = new CollectingTarget();
        target.holdFirstRecord();
        QueueHandler handler = new QueueHandler(target);
        handler.setCapacity(4);
        handler.setOverflowPolicy(OverflowPolicy.DROP_OLDEST.configName());
        handler.publish(record(Level.INFO, "in flight"));
        target.awaitFirstRecord();
        for (int i = 0; i < 10; i++) {
            handler.publish(record(Level.INFO, "r" + i));
        }
        target.release();
        handler.close();

        assertEquals(List.of("in flight", "r6", "r7", "r8", "r9"), target.messages().subList(0, 5));
        assertTrue(target.messages().get(5).startsWith("6 records dropped by queue 'queue' since "));
        QueueStatistics statistics = handler.getStatistics();
        assertEquals(statistics.accepted(), statistics.delivered() + statistics.dropped());
    }

    @Test
    void theOverflowPolicyIsSetByItsConfigurationName() {
        QueueHandler handler = new QueueHandler();
        handler.setOverflowPolicy(" Drop-Oldest ");
        assertEquals("drop-oldest", handler.getOverflowPolicy());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> handler.setOverflowPolicy("discard"));
        assertEquals("overflowPolicy: 'discard' is not an overflow policy; expected block, drop-newest or"
                + " drop-oldest", e.getMessage());
    }

    @Test
    void theCapacityIsRoundedUpToAPowerOfTwoAndFixedOnceTheQueueExists() {
        QueueHandler handler = new QueueHandler();
        assertEquals(8192, handler.getCapacity());
        handler.setCapacity(1000);
        assertEquals(1024, handler.getCapacity());
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> handler.setCapacity(1));
        assertTrue(tooSmall.getMessage().startsWith("capacity: 1 "), tooSmall.getMessage());
        handler.publish(record(Level.INFO, "makes the queue"));
        assertEquals(1024, handler.getStatistics().capacity());
        IllegalStateException fixed = assertThrows(IllegalStateException.class, () -> handler.setCapacity(64));
        assertTrue(fixed.getMessage().startsWith("capacity: "), fixed.getMessage());
        assertThrows(IllegalStateException.class, () -> handler.setOverflowPolicy("drop-newest"));
    }

    @Test
    void withNoListenerAFullQueueDropsTheRecordAndReportsItLikePython() {
        QueueHandler handler = new QueueHandler();
        handler.setCapacity(2);
        List<String> errors = new java.util.ArrayList<>();
        handler.setErrorManager(new java.util.logging.ErrorManager() {
            @Override
            public synchronized void error(String msg, Exception ex, int code) {
                errors.add(msg);
            }
        });
        for (int i = 0; i < 3; i++) {
            handler.publish(record(Level.INFO, "r" + i));
        }
        QueueStatistics statistics = handler.getStatistics();
        assertEquals(3, statistics.accepted());
        assertEquals(2, statistics.queued());
        assertEquals(1, statistics.dropped());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("never started"), errors.get(0));
    }

    @Test
    void aHandlerLoggingBackIntoItsOwnFullBlockingQueueDoesNotWaitForItself() {
        QueueHandler handler = new QueueHandler();
        CollectingTarget target = new CollectingTarget() {
            @Override
            public void publish(LogRecord record) {
                super.publish(record);
                if (record.getMessage().equals("trigger")) {
                    for (int i = 0; i < 10; i++) {
                        handler.publish(record(Level.INFO, "echo" + i));
                    }
                }
            }
        };
        handler.setHandlers(target);
        handler.setCapacity(2);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            handler.publish(record(Level.INFO, "trigger"));
            target.awaitRecords(11);
            handler.close();
        });
        QueueStatistics statistics = handler.getStatistics();
        assertEquals(11, statistics.accepted());
        assertEquals(11, statistics.delivered());
        assertEquals(0, statistics.dropped());
    }

    @Test
    void worksWithoutJBossLogManagerOnTheClassPath() throws Exception {
        URL classes = QueueHandler.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutJBoss = new URLClassLoader(new URL[] {classes},
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("org.jboss.logmanager.ExtLogRecord", false, withoutJBoss));
            Class<?> type = Class.forName(QueueHandler.class.getName(), true, withoutJBoss);
            Handler handler = (Handler) type.getConstructor().newInstance();
            CollectingTarget target = new CollectingTarget();
            type.getMethod("setHandlers", Handler[].class).invoke(handler, (Object) new Handler[] {target});

            handler.publish(record(Level.INFO, "n={0}", 3));
            handler.close();

            LogRecord delivered = target.records().get(0);
            assertEquals("n=3", delivered.getMessage());
            assertEquals(PreparedRecord.class.getName(), delivered.getClass().getName());
            assertSame(withoutJBoss, delivered.getClass().getClassLoader());
        }
    }

    /**
     * A WildFly deployment's module does not see {@code jdk.unsupported}: there, anything that touches
     * {@code sun.misc.Unsafe} fails with NoClassDefFoundError. This loader hides {@code sun.misc} the same way.
     */
    @ParameterizedTest
    @ValueSource(strings = {"block", "drop-newest", "drop-oldest"})
    void queuesAndDeliversWhereSunMiscUnsafeCannotBeLoaded(String overflowPolicy) throws Exception {
        ClassLoader withoutSunMisc = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("sun.misc.")) {
                    throw new ClassNotFoundException(name + " is hidden, as in a WildFly deployment");
                }
                return super.loadClass(name, resolve);
            }
        };
        URL classes = QueueHandler.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader deployment = new URLClassLoader(new URL[] {classes}, withoutSunMisc)) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("sun.misc.Unsafe", true, deployment));
            Class<?> type = Class.forName(QueueHandler.class.getName(), true, deployment);
            Handler handler = (Handler) type.getConstructor().newInstance();
            CollectingTarget target = new CollectingTarget();
            type.getMethod("setHandlers", Handler[].class).invoke(handler, (Object) new Handler[] {target});
            type.getMethod("setOverflowPolicy", String.class).invoke(handler, overflowPolicy);
            type.getMethod("setCapacity", int.class).invoke(handler, 16);

            for (int i = 0; i < 100; i++) {
                handler.publish(record(Level.INFO, "r" + i));
            }
            handler.close();

            Object statistics = type.getMethod("getStatistics").invoke(handler);
            long dropped = (long) statistics.getClass().getMethod("dropped").invoke(statistics);
            assertEquals(100, target.records().stream().filter(r -> r.getMessage().startsWith("r")).count() + dropped);
            assertEquals(0, overflowPolicy.equals("block") ? dropped : 0);
        }
    }

    @Test
    void aListenerInTryWithResourcesIsStoppedAndHasDeliveredEverythingAtTheEnd() {
        CollectingTarget target = new CollectingTarget();
        QueueHandler handler = new QueueHandler();
        handler.setHandlers(target);
        try (QueueListener listener = handler.getListener()) {
            listener.start();
            for (int i = 0; i < 100; i++) {
                handler.publish(record(Level.INFO, "r" + i));
            }
        }
        assertFalse(handler.getListener().isRunning());
        assertEquals(100, target.records().size());
    }

    @Test
    void anExecutorThatRefusesTheLoopLeavesTheListenerStartableAgain() {
        CollectingTarget target = new CollectingTarget();
        QueueHandler handler = new QueueHandler(target);
        QueueListener listener = handler.getListener();
        assertThrows(RejectedExecutionException.class, () -> listener.start(task -> {
            throw new RejectedExecutionException("saturated");
        }));
        assertFalse(listener.isRunning());
        listener.start();
        handler.publish(record(Level.INFO, "after a refused start"));
        handler.close();
        assertEquals(List.of("after a refused start"), target.messages());
    }

    @ParameterizedTest(name = "formatted on the producer: {0}")
    @ValueSource(booleans = {false, true})
    void anExceptionThroughTheListenerIsPrintedExactlyOnce(boolean formattedOnTheProducer) {
        // test_logging QueueHandlerTest.test_queue_listener_with_StreamHandler: 'Traceback' appears once.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamHandler target = new StreamHandler(out);
        QueueHandler handler = new QueueHandler(target);
        if (formattedOnTheProducer) {
            handler.setFormatter(new SimpleFormatter());
        }
        LogRecord failed = record(Level.SEVERE, "request failed");
        failed.setThrown(new IllegalStateException("boom"));
        handler.publish(failed);
        handler.close();

        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("request failed"), written);
        assertEquals(1, written.split("java.lang.IllegalStateException: boom", -1).length - 1, written);
    }

    /** WildFly's custom-handler and JBoss logging.properties find a setter by name and take the first one. */
    @Test
    void everyOptionIsAJavaBeanPropertyWithExactlyOneSetter() throws Exception {
        JavaBeanOptions.assertConfigurable(QueueHandler.class, "capacity", "overflowPolicy", "name", "handlers",
                "respectHandlerLevel", "executor", "callerLocation");
    }

    @Test
    void aJBossRecordFormattedOnTheProducerKeepsItsMdcButNotItsException() {
        QueueHandler handler = new QueueHandler();
        handler.setFormatter(new SimpleFormatter());
        handler.setCallerLocation(false);
        ExtLogRecord original = new ExtLogRecord(Level.SEVERE, "failed {0}", ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                QueueHandlerTest.class.getName());
        original.setParameters(new Object[] {"job"});
        original.setThrown(new IllegalStateException("boom"));
        MDC.put("tenant", "t-1");
        ExtLogRecord copy;
        try {
            copy = assertInstanceOf(ExtLogRecord.class, handler.prepare(original));
        } finally {
            MDC.remove("tenant");
        }
        assertTrue(copy.getFormattedMessage().contains("failed job"), copy.getFormattedMessage());
        assertTrue(copy.getFormattedMessage().contains("java.lang.IllegalStateException: boom"));
        assertNull(copy.getThrown());
        assertEquals("t-1", copy.getMdc("tenant"));
        assertEquals("failed {0}", original.getMessage());
        assertFalse(original.getThrown() == null);
    }
}
