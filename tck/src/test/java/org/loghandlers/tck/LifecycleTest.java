package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.cdi.LogHandler;

/**
 * Start and stop: handlers are attached before application beans run, and after shutdown every record accepted is
 * delivered and the log manager holds nothing of ours. Deployed on Weld SE from the test, so the test can look at
 * the log manager after the container is gone.
 */
@Tag(Containers.WELD_SE)
class LifecycleTest {

    @TempDir
    Path work;

    /** An application bean that logs as soon as the application starts. */
    @ApplicationScoped
    public static class StartupLogger {

        void logAtStartup(@Observes Startup startup) {
            Logger.getLogger("tck.startup").info("logged at startup");
        }
    }

    private static Handler handler(WeldDeployment deployment, String name) {
        return deployment.container().select(Handler.class, LogHandler.Literal.of(name)).get();
    }

    private static long lines(Path file) throws IOException {
        try (var stream = Files.lines(file)) {
            return stream.count();
        }
    }

    private static void logFromThreads(String loggerName, int threads, int recordsPerThread) throws InterruptedException {
        Logger logger = Logger.getLogger(loggerName);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(new Thread(() -> {
                for (int i = 0; i < recordsPerThread; i++) {
                    logger.info("thread " + thread + " record " + i);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
    }

    @Test
    void recordsLoggedFromAStartupObserverReachTheHandlers() {
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.startup.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.startup.loggers=tck.startup
                """, StartupLogger.class)) {
            CapturingHandler startup = (CapturingHandler) handler(deployment, "startup");
            assertEquals(List.of("logged at startup"), startup.messages());
        }
    }

    @Test
    void afterShutdownNoLoggerHoldsOurHandlersAndLoggerSettingsAreRestored() {
        Logger root = Logger.getLogger("");
        Logger audit = Logger.getLogger("tck.lifecycle.audit");
        Logger quiet = Logger.getLogger("tck.lifecycle.quiet");
        quiet.setLevel(Level.CONFIG);
        LoggerSnapshot before = LoggerSnapshot.take();
        CapturingHandler onRoot;
        CapturingHandler named;
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.on-root.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.named.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.named.loggers=tck.lifecycle.audit,tck.lifecycle.quiet
                loghandlers.handler.forward.class=org.loghandlers.tck.ForwardingHandler
                loghandlers.handler.forward.target=named
                loghandlers.handler.forward.loggers=tck.lifecycle.audit
                loghandlers.logger."tck.lifecycle.audit".level=FINEST
                loghandlers.logger."tck.lifecycle.quiet".level=OFF
                loghandlers.logger."tck.lifecycle.quiet".use-parent-handlers=false
                """)) {
            onRoot = (CapturingHandler) handler(deployment, "on-root");
            named = (CapturingHandler) handler(deployment, "named");
            assertTrue(List.of(root.getHandlers()).contains(onRoot));
            assertFalse(List.of(root.getHandlers()).contains(named), "a target with no loggers key is not on root");
            assertEquals(Level.FINEST, audit.getLevel());
            assertEquals(Level.OFF, quiet.getLevel());
            assertTrue(LoggerSnapshot.anyLoggerHoldsOurHandlers());
        }
        assertEquals(Map.of(), LoggerSnapshot.take().differencesFrom(before));
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
        assertEquals(1, onRoot.closeCount());
        assertEquals(1, named.closeCount());
        assertEquals(Level.CONFIG, quiet.getLevel());
        assertTrue(quiet.getUseParentHandlers());
    }

    @Test
    void everyRecordLoggedBeforeShutdownIsInTheFile() throws Exception {
        Path file = work.resolve("buffered.log");
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.buffered.type=file
                loghandlers.handler.buffered.file-name=%s
                loghandlers.handler.buffered.auto-flush=false
                loghandlers.handler.buffered.loggers=tck.buffered
                """.formatted(Deployments.value(file)))) {
            logFromThreads("tck.buffered", 4, 5_000);
        }
        assertEquals(20_000, lines(file));
    }

    @Test
    void aDisabledHandlerIsInjectableButAttachedNowhereAndPublishesNothing() {
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.off.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.off.enabled=false
                """)) {
            CapturingHandler off = (CapturingHandler) handler(deployment, "off");
            assertFalse(List.of(Logger.getLogger("").getHandlers()).contains(off));
            assertEquals(Level.OFF, off.getLevel());
        }
    }

    @Test
    void aQueueDeliversAHundredThousandRecordsFromFourThreadsByShutdown() throws Exception {
        Path file = work.resolve("queued.log");
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.async.type=queue
                loghandlers.handler.async.handlers=sink
                loghandlers.handler.async.capacity=1024
                loghandlers.handler.async.loggers=tck.queued
                loghandlers.handler.sink.type=file
                loghandlers.handler.sink.file-name=%s
                loghandlers.handler.sink.auto-flush=false
                """.formatted(Deployments.value(file)))) {
            assertFalse(List.of(Logger.getLogger("").getHandlers()).contains(handler(deployment, "sink")));
            logFromThreads("tck.queued", 4, 25_000);
        }
        assertEquals(100_000, lines(file));
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }

    @Test
    void aQueueListenerRunsOnItsOwnNamedDaemonThreadOnWeldSeAndSaysSoOnceAtFine() throws Exception {
        Logger choice = Logger.getLogger("org.loghandlers.cdi.ListenerExecutors");
        CapturingHandler choiceLog = new CapturingHandler();
        Level previousLevel = choice.getLevel();
        choice.setLevel(Level.FINE);
        choice.addHandler(choiceLog);
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.async.type=queue
                loghandlers.handler.async.handlers=seen
                loghandlers.handler.async.loggers=tck.thread
                loghandlers.handler.seen.class=org.loghandlers.tck.ThreadRecordingHandler
                """)) {
            Logger.getLogger("tck.thread").info("which thread?");
            ThreadRecordingHandler seen = (ThreadRecordingHandler) handler(deployment, "seen");
            assertEquals("loghandlers-queue-async", seen.awaitThreadName());
        } finally {
            choice.removeHandler(choiceLog);
            choice.setLevel(previousLevel);
        }
        assertEquals(1, choiceLog.messages().size(), choiceLog.messages()::toString);
        assertTrue(choiceLog.messages().get(0).contains("async: its own daemon thread loghandlers-queue-async (no"
                + " ManagedExecutorService at java:comp/DefaultManagedExecutorService)"), choiceLog.messages()::toString);
    }

    @Test
    void aMemoryHandlerFlushesItsBufferToItsTargetAtShutdown() throws Exception {
        Path file = work.resolve("flushed.log");
        Handler memory;
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.buffer.type=memory
                loghandlers.handler.buffer.capacity=1000
                loghandlers.handler.buffer.flush-level=SEVERE
                loghandlers.handler.buffer.target=sink
                loghandlers.handler.buffer.loggers=tck.memory
                loghandlers.handler.sink.type=file
                loghandlers.handler.sink.file-name=%s
                """.formatted(Deployments.value(file)))) {
            memory = handler(deployment, "buffer");
            for (int i = 0; i < 10; i++) {
                Logger.getLogger("tck.memory").info("buffered " + i);
            }
            assertFalse(Files.exists(file) && lines(file) > 0, "nothing reaches the target before a flush");
            assertSame(memory, handler(deployment, "buffer"));
        }
        assertEquals(10, lines(file));
    }
}
