package org.loghandlers.benchmarks;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's ceiling: the workload's line, formatted once in advance, written under a lock as a handler would.
 * Durable is one {@code write(2)} per record; buffered goes through a 256 KiB buffer.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class RawWriteBenchmark extends FileScenario {

    static final int BUFFER_SIZE = 256 * 1024;

    @Param({"durable", "buffered"})
    public String flush;

    private final Object lock = new Object();
    private byte[] line;
    private OutputStream out;

    @Override
    protected void open(Path directory) throws IOException {
        String text = WorkloadFormatter.line(WorkloadFormatter.date(System.currentTimeMillis()), "INFO",
                Workload.THREAD_NAME_PREFIX + 0, Workload.LOGGER_NAME, Workload.MESSAGE);
        line = text.getBytes(StandardCharsets.UTF_8);
        OutputStream file = new FileOutputStream(directory.resolve("raw.log").toFile(), true);
        out = isDurable(flush) ? file : new BufferedOutputStream(file, BUFFER_SIZE);
    }

    @Override
    protected void close() throws IOException {
        synchronized (lock) {
            out.close();
        }
    }

    @Benchmark
    public void preformattedLine(Producer producer) throws IOException {
        synchronized (lock) {
            out.write(line);
        }
        producer.called();
    }
}
