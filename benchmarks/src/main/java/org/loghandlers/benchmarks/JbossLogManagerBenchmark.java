package org.loghandlers.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Logger;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.AsyncHandler;
import org.jboss.logmanager.handlers.FileHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: JBoss LogManager's {@code FileHandler} ({@code file}) under JBoss LogManager, or its {@code AsyncHandler}
 * in front of it ({@code async}: queue of 512, overflow BLOCK); durable is {@code autoflush=true}, WildFly's default.
 *
 * <p>{@code AsyncHandler.close()} closes its nested handlers at once while its thread may still be draining the
 * queue, so the last records are lost. This scenario closes it as a careful user would: {@code closeChildren=false},
 * close, wait for the handler's thread to finish draining, then close the file handler.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JBOSS_LOG_MANAGER)
public class JbossLogManagerBenchmark extends FileScenario {

    @Param({"file", "async"})
    public String handler;

    @Param({"durable", "buffered"})
    public String flush;

    private FileHandler file;
    private AsyncHandler async;
    private Thread drainer;
    private Logger logger;

    @Override
    protected void open(Path directory) throws IOException {
        WorkloadLogger.requireJbossLogManager();
        file = new FileHandler(directory.resolve("jboss.log").toString(), true);
        file.setEncoding(StandardCharsets.UTF_8.name());
        file.setFormatter(new PatternFormatter(Workload.JBOSS_PATTERN));
        file.setAutoFlush(isDurable(flush));
        Handler attached;
        switch (handler) {
            case "file":
                attached = file;
                break;
            case "async":
                async = new AsyncHandler(512, task -> {
                    drainer = new Thread(task, "jboss-async-handler");
                    return drainer;
                });
                async.setOverflowAction(AsyncHandler.OverflowAction.BLOCK);
                async.setCloseChildren(false);
                async.addHandler(file);
                attached = async;
                break;
            default:
                throw new IllegalArgumentException("handler: '" + handler + "' is not a scenario; expected file or"
                        + " async");
        }
        logger = WorkloadLogger.attach(attached);
    }

    @Override
    protected void close() throws InterruptedException {
        if (async != null) {
            WorkloadLogger.detach(logger, async);
            async.close();
            if (drainer != null) {
                drainer.join();
            }
        } else {
            WorkloadLogger.detach(logger, file);
        }
        file.close();
    }

    @Benchmark
    public void info(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
