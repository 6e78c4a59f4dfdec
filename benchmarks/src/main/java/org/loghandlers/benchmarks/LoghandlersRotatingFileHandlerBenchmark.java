package org.loghandlers.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import org.loghandlers.handlers.RotatingFileHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Our {@link RotatingFileHandler} rolling over every 10 MB with 5 backups, under the JDK LogManager. So that the
 * delivery check can count every line, its rotator renames each rotated file into an archive directory instead of
 * letting the oldest backup be deleted; a rename is what the default rotator costs too.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LoghandlersRotatingFileHandlerBenchmark extends FileScenario {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    @Param({"durable", "buffered"})
    public String flush;

    private RotatingFileHandler handler;
    private Logger logger;
    private long rotations;

    @Override
    protected void open(Path directory) throws IOException {
        Path archive = Files.createDirectory(directory.resolve("archive"));
        handler = forWorkload(new RotatingFileHandler(directory.resolve("app.log").toString(), MAX_BYTES, 5), flush);
        handler.setRotator((source, destination) -> Files.move(source, archive.resolve("app.log." + ++rotations)));
        logger = WorkloadLogger.attach(handler);
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
    public void underJdkLogManager(Producer producer) {
        logger.info(Workload.MESSAGE);
        producer.called();
    }
}
