package org.loghandlers.benchmarks;

import java.nio.file.Path;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A scenario that logs the {@link Workload} into files: each iteration opens its handler or appender on a fresh
 * directory, and after the iteration closes it (draining any queue) and has {@link Delivery} count the lines
 * against the calls made.
 */
@State(Scope.Benchmark)
public abstract class FileScenario {

    private Delivery delivery;
    private String method = "";

    @Setup(Level.Iteration)
    public void openOutput(Delivery delivery, BenchmarkParams params) throws Exception {
        this.delivery = delivery;
        method = Scenarios.method(params);
        open(delivery.newDirectory(Scenarios.describe(params)));
    }

    @TearDown(Level.Iteration)
    public void closeAndCheckDelivery() throws Exception {
        close();
        delivery.check(linesPerCall());
    }

    /** Starts the handler or appender writing into {@code directory}. */
    protected abstract void open(Path directory) throws Exception;

    /** Stops it the way its library documents, so that every accepted record is written out. */
    protected abstract void close() throws Exception;

    /** The name of the benchmark method this trial runs. */
    protected String method() {
        return method;
    }

    /** How many lines each call must produce: 1, or 0 for a call below the logger's level. */
    protected long linesPerCall() {
        return 1;
    }

    /** One of our file handlers set up for the workload: its line format, and the {@code flush} discipline. */
    protected static <H extends org.loghandlers.handlers.FileHandler> H forWorkload(H handler, String flush) {
        handler.setAutoFlush(isDurable(flush));
        handler.setFormatter(new org.loghandlers.format.PythonFormatter(Workload.PYTHON_FORMAT));
        return handler;
    }

    /** Whether the {@code flush} parameter asks for a flush per record ({@code durable}) or per buffer. */
    protected static boolean isDurable(String flush) {
        switch (flush) {
            case "durable":
                return true;
            case "buffered":
                return false;
            default:
                throw new IllegalArgumentException("flush: '" + flush + "' is not a discipline; expected durable"
                        + " (flush every record) or buffered (flush when the buffer fills or the queue empties)");
        }
    }
}
