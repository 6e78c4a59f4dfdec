package org.loghandlers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loghandlers.benchmarks.selftest.LosingHandlerBenchmark;

/**
 * Runs each JDK-LogManager scenario outside JMH, from several threads, and checks that every record arrives as the
 * workload's line. The JBoss LogManager scenarios need a JVM of their own; {@code run.sh --smoke} runs them.
 */
class ScenarioDeliveryTest {

    private static final int THREADS = 3;
    private static final int CALLS_PER_THREAD = 5_000;

    @TempDir
    Path directory;

    interface Call {
        void log(Producer producer) throws Exception;
    }

    record Case(String name, FileScenario scenario, Call call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> scenarios() {
        List<Case> cases = new ArrayList<>();
        for (String flush : List.of("durable", "buffered")) {
            for (String handler : List.of("file", "rotating")) {
                LoghandlersBenchmark ours = new LoghandlersBenchmark();
                ours.handler = handler;
                ours.flush = flush;
                cases.add(new Case("our " + handler + " handler " + flush, ours, ours::underJdkLogManager));
            }
            RawWriteBenchmark raw = new RawWriteBenchmark();
            raw.flush = flush;
            cases.add(new Case("raw write " + flush, raw, raw::preformattedLine));
            for (String appender : List.of("file", "async")) {
                LogbackBenchmark logback = new LogbackBenchmark();
                logback.appender = appender;
                logback.flush = flush;
                cases.add(new Case("Logback " + appender + " appender " + flush, logback, logback::info));
            }
            for (String loggers : List.of("sync", "async")) {
                Log4j2Benchmark log4j2 = new Log4j2Benchmark();
                log4j2.loggers = loggers;
                log4j2.flush = flush;
                cases.add(new Case("Log4j2 " + loggers + " loggers " + flush, log4j2, log4j2::info));
            }
        }
        LoghandlersQueueBenchmark queue = new LoghandlersQueueBenchmark();
        cases.add(new Case("our queue and file handlers on their defaults", queue, queue::underJdkLogManager));
        LoghandlersCdiDefaultsBenchmark cdi = new LoghandlersCdiDefaultsBenchmark();
        cases.add(new Case("our queue and file handlers from microprofile-config.properties on Weld SE", cdi,
                cdi::underJdkLogManager));
        JulFileHandlerBenchmark jul = new JulFileHandlerBenchmark();
        jul.flush = "durable";
        cases.add(new Case("JUL FileHandler durable", jul, jul::info));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void deliversEveryRecordAsTheScenariosLine(Case scenario) throws Exception {
        Path files = Files.createDirectory(directory.resolve("files"));
        scenario.scenario().open(files);
        runProducers(scenario.call());
        scenario.scenario().close();

        assertDoesNotThrow(() -> new DeliveryCheck(scenario.name(), files)
                .verify(THREADS * (long) CALLS_PER_THREAD));
    }

    @Test
    void theDeliveryCheckCatchesAHandlerThatDropsOneRecordInAThousand() throws Exception {
        LosingHandlerBenchmark losing = new LosingHandlerBenchmark();
        FileScenario scenario = losing;
        Path files = Files.createDirectory(directory.resolve("files"));
        scenario.open(files);
        runProducers(losing::info);
        scenario.close();

        DeliveryCheck.DeliveryCheckFailedException failure = assertThrows(
                DeliveryCheck.DeliveryCheckFailedException.class,
                () -> new DeliveryCheck("losing", files).verify(THREADS * (long) CALLS_PER_THREAD));
        assertTrue(failure.getMessage().contains(" 15 lost"), failure.getMessage());
    }

    private static void runProducers(Call call) throws InterruptedException {
        List<Producer> producers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Producer producer = new Producer();
            producers.add(producer);
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; n < CALLS_PER_THREAD; n++) {
                        call.log(producer);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, Workload.THREAD_NAME_PREFIX + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        for (Producer producer : producers) {
            assertEquals(CALLS_PER_THREAD, producer.calls);
        }
    }
}
