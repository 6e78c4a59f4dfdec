package org.loghandlers.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Logger;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: JBoss LogManager's {@code FileHandler} under JBoss LogManager; durable is {@code autoflush=true}, WildFly's
 * default.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JBOSS_LOG_MANAGER)
public class JbossFileHandlerBenchmark extends FileScenario {

    @Param({"durable", "buffered"})
    public String flush;

    private FileHandler handler;
    private Logger logger;

    @Override
    protected void open(Path directory) throws IOException {
        WorkloadLogger.requireJbossLogManager();
        handler = jbossFileHandler(directory.resolve("jboss.log"), isDurable(flush));
        logger = WorkloadLogger.attach(handler);
    }

    static FileHandler jbossFileHandler(Path file, boolean autoFlush) throws IOException {
        FileHandler handler = new FileHandler(file.toString(), true);
        handler.setEncoding(StandardCharsets.UTF_8.name());
        handler.setFormatter(new PatternFormatter(Workload.JBOSS_PATTERN));
        handler.setAutoFlush(autoFlush);
        return handler;
    }

    @Override
    protected void close() {
        WorkloadLogger.detach(logger, handler);
        handler.close();
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
