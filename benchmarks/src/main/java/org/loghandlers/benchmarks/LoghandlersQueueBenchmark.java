package org.loghandlers.benchmarks;

import java.nio.file.Path;

import org.loghandlers.format.PythonFormatter;
import org.loghandlers.handlers.FileHandler;
import org.loghandlers.handlers.QueueHandler;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Our {@link QueueHandler} in front of our {@link FileHandler}, both on their defaults as a user writes them in code
 * ({@code new QueueHandler(new FileHandler(name))}): capacity 8192, overflow {@code block}, caller location as the
 * file's format needs it (not at all here), and the file's {@code autoFlush=true}, which behind a queue means one
 * write and flush per batch. There is no durable or buffered variant: behind a queue, the flush is always at the end
 * of a batch. Closing the queue handler drains the queue into the file; the file handler is closed after it.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LoghandlersQueueBenchmark extends OursUnderBothLogManagers {

    private FileHandler file;
    private QueueHandler queue;

    @Override
    protected void open(Path directory) {
        Scenarios.requireLogManagerOf(method());
        file = new FileHandler(directory.resolve("app.log").toString());
        file.setFormatter(new PythonFormatter(Workload.PYTHON_FORMAT));
        queue = new QueueHandler(file);
        logger = WorkloadLogger.attach(queue);
    }

    @Override
    protected void close() {
        WorkloadLogger.detach(logger, queue);
        queue.close();
        file.close();
    }
}
