package org.loghandlers.benchmarks;

import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.format.Utf8Text;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What a record costs before any file is involved, the floor under every file row: {@code counting} is a handler
 * that only counts what it is given (the logger's own work: the {@code LogRecord}, its {@code Instant}, the level
 * and handler checks; the handler keeps a reference to the last record, as any real one would, so that the JIT
 * cannot drop the allocation), {@code formatting} also formats each record with our {@link PythonFormatter} into a reused
 * UTF-8 buffer, the bytes a UTF-8 file handler writes, and throws them away. The delivery check compares the count
 * with the calls made.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class HandlerFloorBenchmark {

    @Param({"counting", "formatting"})
    public String handler;

    private CountingHandler counter;
    private Logger logger;

    private Delivery delivery;
    private String scenario;

    @Setup(Level.Iteration)
    public void open(Delivery delivery, BenchmarkParams params) {
        this.delivery = delivery;
        scenario = Scenarios.describe(params);
        Scenarios.requireLogManagerOf(Scenarios.method(params));
        switch (handler) {
            case "counting":
                counter = new CountingHandler(null);
                break;
            case "formatting":
                counter = new CountingHandler(new PythonFormatter(Workload.PYTHON_FORMAT));
                break;
            default:
                throw new IllegalArgumentException("handler: '" + handler + "' is not a scenario; expected counting"
                        + " or formatting");
        }
        logger = WorkloadLogger.attach(counter);
    }

    @TearDown(Level.Iteration)
    public void closeAndCount() {
        WorkloadLogger.detach(logger, counter);
        long calls = delivery.callsThisIteration();
        long received = counter.received.sum();
        if (received != calls) {
            throw new DeliveryCheck.DeliveryCheckFailedException(scenario + ": the handler was given " + received
                    + " records for " + calls + " calls");
        }
    }

    @Benchmark
    public void underJdkLogManager(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = Workload.JBOSS_LOG_MANAGER)
    public void underJbossLogManager(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }

    /**
     * Counts the records it is given; with a formatter, formats each one first into this thread's UTF-8 buffer, as
     * our file handlers do (into a builder where the formatter declines, as theirs then do).
     */
    private static final class CountingHandler extends Handler {

        private static final ThreadLocal<Utf8Text> BYTES = ThreadLocal.withInitial(() -> new Utf8Text(512));
        private static final ThreadLocal<StringBuilder> TEXT = ThreadLocal.withInitial(() -> new StringBuilder(256));

        final LongAdder received = new LongAdder();
        private final PythonFormatter formatter;
        /** Keeps the record reachable, as every real handler does, so that the JIT cannot leave it unallocated. */
        private LogRecord last;

        CountingHandler(PythonFormatter formatter) {
            this.formatter = formatter;
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            if (formatter != null) {
                Utf8Text bytes = BYTES.get();
                bytes.clear(Integer.MAX_VALUE);
                if (!formatter.formatUtf8To(record, bytes)) {
                    StringBuilder text = TEXT.get();
                    text.setLength(0);
                    formatter.formatTo(record, text);
                }
            }
            last = record;
            received.increment();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
