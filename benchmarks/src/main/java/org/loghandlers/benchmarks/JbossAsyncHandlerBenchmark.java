package org.loghandlers.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;

import org.jboss.logmanager.handlers.AsyncHandler;
import org.jboss.logmanager.handlers.FileHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: JBoss LogManager's {@code AsyncHandler} (queue of 512, overflow BLOCK) in front of its {@code FileHandler}.
 *
 * <p>{@code AsyncHandler.close()} closes its nested handlers at once while its thread may still be draining the
 * queue, so the last records are lost. This scenario closes it as a careful user would: {@code closeChildren=false},
 * close, wait for the handler's thread to finish draining, then close the file handler.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JBOSS_LOG_MANAGER)
public class JbossAsyncHandlerBenchmark extends FileScenario {

    @Param({"durable", "buffered"})
    public String flush;

    private FileHandler file;
    private AsyncHandler handler;
    private Thread drainer;
    private Logger logger;

    @Override
    protected void open(Path directory) throws IOException {
        WorkloadLogger.requireJbossLogManager();
        file = JbossFileHandlerBenchmark.jbossFileHandler(directory.resolve("jboss.log"), isDurable(flush));
        handler = new AsyncHandler(512, task -> {
            drainer = new Thread(task, "jboss-async-handler");
            return drainer;
        });
        handler.setOverflowAction(AsyncHandler.OverflowAction.BLOCK);
        handler.setCloseChildren(false);
        handler.addHandler(file);
        logger = WorkloadLogger.attach(handler);
    }

    @Override
    protected void close() throws InterruptedException {
        WorkloadLogger.detach(logger, handler);
        handler.close();
        drainer.join();
        file.close();
    }

    @Override
    protected String describe() {
        return "flush=" + flush;
    }

    @Benchmark
    public void info(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
