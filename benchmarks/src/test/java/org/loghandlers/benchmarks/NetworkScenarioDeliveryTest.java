package org.loghandlers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loghandlers.benchmarks.DeliveryCheck.DeliveryCheckFailedException;
import org.loghandlers.benchmarks.selftest.LosingSocketHandlerBenchmark;

/**
 * Runs each network scenario outside JMH, from several threads, into its loopback sink, and checks the count there:
 * over TCP every record, over UDP no error and no more than was sent.
 */
class NetworkScenarioDeliveryTest {

    private static final int THREADS = 3;
    private static final int CALLS_PER_THREAD = 5_000;
    private static final Duration WAIT = Duration.ofSeconds(30);

    interface Call {
        void log(Producer producer) throws Exception;
    }

    record Case(String name, NetworkScenario scenario, Call call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> scenarios() {
        List<Case> cases = new ArrayList<>();
        for (String mode : List.of("direct", "queued")) {
            for (String target : List.of("socket-pickle", "socket-json", "datagram-pickle", "syslog-udp-5424",
                    "syslog-tcp-5424")) {
                LoghandlersNetworkBenchmark ours = new LoghandlersNetworkBenchmark();
                ours.target = target;
                ours.mode = mode;
                cases.add(new Case("ours " + target + " " + mode, ours, ours::underJdkLogManager));
            }
        }
        for (String target : List.of("socket-json", "syslog-udp-5424", "syslog-tcp-5424", "syslog-udp-bsd",
                "syslog-tcp-bsd")) {
            Log4j2NetworkBenchmark log4j2 = new Log4j2NetworkBenchmark();
            log4j2.target = target;
            cases.add(new Case("Log4j2 " + target, log4j2, log4j2::info));
        }
        LogbackNetworkBenchmark logback = new LogbackNetworkBenchmark();
        logback.target = "syslog-udp-bsd";
        cases.add(new Case("Logback syslog-udp-bsd", logback, logback::info));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theSinkReceivesTheWorkloadsRecords(Case scenario) throws Exception {
        long calls = THREADS * (long) CALLS_PER_THREAD;
        String line = run(scenario.scenario(), scenario.call(), calls);

        assertTrue(line.contains("calls " + calls + ", received "), line);
        if (!scenario.scenario().wire().isDatagram()) {
            assertTrue(line.contains("received " + calls + ", lost 0 "), line);
        }
    }

    @Test
    void aSocketHandlerThatLosesOneRecordInAThousandFailsTheCheck() {
        LosingSocketHandlerBenchmark losing = new LosingSocketHandlerBenchmark();

        DeliveryCheckFailedException failure = assertThrows(DeliveryCheckFailedException.class,
                () -> run(losing, losing::info, THREADS * (long) CALLS_PER_THREAD));
        assertTrue(failure.getMessage().contains(" 15 lost"), failure.getMessage());
    }

    private static String run(NetworkScenario scenario, Call call, long calls) throws Exception {
        try (Sink sink = Sink.open(scenario.wire())) {
            scenario.open(sink.port());
            runProducers(call);
            scenario.close();
            return NetworkDeliveryCheck.verify(scenario.getClass().getSimpleName(), scenario.wire(), calls,
                    sink.awaitReception(calls, WAIT));
        }
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
