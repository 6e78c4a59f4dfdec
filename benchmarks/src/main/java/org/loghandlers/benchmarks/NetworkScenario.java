package org.loghandlers.benchmarks;

import java.time.Duration;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A scenario that sends the {@link Workload} over the network to a loopback {@link Sink}: each iteration starts a
 * sink on a free port and a handler or appender sending to it; after the iteration it closes the sender (draining
 * any queue), waits for the sink to receive what was sent, and has {@link NetworkDeliveryCheck} compare the records
 * received with the calls made. Each iteration prints one {@code delivery:} line with the counts, which
 * {@code report.py} reads to give the delivered rate and the loss beside the figure.
 */
@State(Scope.Benchmark)
public abstract class NetworkScenario {

    /** How long a sink may take to receive what a closed sender still had on its way. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private Delivery delivery;
    private Sink sink;
    private String scenario = "";
    private String method = "";
    private int warmups;
    private int measurements;

    @Setup(Level.Iteration)
    public void openSinkAndSender(Delivery delivery, BenchmarkParams params) throws Exception {
        this.delivery = delivery;
        scenario = Scenarios.describe(params);
        method = Scenarios.method(params);
        sink = Sink.open(wire());
        open(sink.port());
    }

    @TearDown(Level.Iteration)
    public void closeAndCountAtTheSink(IterationParams iteration) throws Exception {
        String which = iteration.getType() == IterationType.WARMUP ? "warmup iteration " + ++warmups
                : "measurement iteration " + ++measurements;
        try {
            close();
            long calls = delivery.callsThisIteration();
            Reception reception = sink.awaitReception(calls, DRAIN_TIMEOUT);
            System.out.println(NetworkDeliveryCheck.verify(scenario + ", " + which, wire(), calls, reception));
        } finally {
            sink.close();
        }
    }

    /** What the sender puts on the wire, so that the sink can count it. */
    protected abstract Wire wire();

    /** Starts the handler or appender sending to 127.0.0.1:{@code port}. */
    protected abstract void open(int port) throws Exception;

    /** Stops it the way its library documents, so that every accepted record is sent. */
    protected abstract void close() throws Exception;

    /** The name of the benchmark method this trial runs. */
    protected String method() {
        return method;
    }
}
