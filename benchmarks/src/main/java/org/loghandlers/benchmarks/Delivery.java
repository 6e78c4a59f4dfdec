package org.loghandlers.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The delivery check of one trial: gives each iteration a fresh directory, and after the scenario has closed its
 * handler (which drains any queue) counts the lines in that directory against the calls the {@link Producer}s made.
 * A shortfall throws {@link DeliveryCheck.DeliveryCheckFailedException}, which fails the benchmark: a throughput figure
 * counts only if every record reached the file. A {@link NetworkScenario} uses only its count of the calls made, and
 * counts the records at its sink.
 *
 * <p>Checked per iteration, not once per trial, so that a fast peer's file never holds more than one iteration's
 * output (a 100 s trial at 2.5M lines/s would be 27 GB on a disk shared with other work).
 */
@State(Scope.Benchmark)
public class Delivery {

    /** Where iteration directories are made: {@code -Dbench.dir}, else {@code java.io.tmpdir}. */
    static final Path ROOT = Paths.get(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));

    private final List<Producer> producers = new CopyOnWriteArrayList<>();
    private long checkedCalls;
    private int iteration;
    private DeliveryCheck current;

    void register(Producer producer) {
        producers.add(producer);
    }

    /** A fresh, empty directory for the iteration about to start. */
    public Path newDirectory(String scenario) throws IOException {
        Files.createDirectories(ROOT);
        iteration++;
        current = new DeliveryCheck(scenario + ", iteration " + iteration,
                Files.createTempDirectory(ROOT, "loghandlers-bench-"));
        return current.directory();
    }

    /**
     * Counts the lines written during the iteration against the calls made, and checks that the first is the
     * {@link Workload} line, then deletes the directory. Call after the handler is closed.
     */
    public void check(long linesPerCall) throws IOException {
        long callsThisIteration = callsThisIteration();
        DeliveryCheck check = current;
        current = null;
        try {
            check.verify(callsThisIteration * linesPerCall);
        } finally {
            check.deleteDirectory();
        }
    }

    /**
     * The logging calls the {@link Producer}s made since the last time this was asked (warm-up and wind-down calls
     * of the iteration included, since they log too). Call once per iteration, after JMH has stopped the threads.
     */
    public long callsThisIteration() {
        long calls = 0;
        for (Producer producer : producers) {
            calls += producer.calls;
        }
        long callsThisIteration = calls - checkedCalls;
        checkedCalls = calls;
        return callsThisIteration;
    }

    @TearDown(Level.Trial)
    public void deleteLeftovers() throws IOException {
        if (current != null) {
            current.deleteDirectory();
        }
    }
}
