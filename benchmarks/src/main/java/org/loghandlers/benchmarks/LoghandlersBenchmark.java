package org.loghandlers.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.loghandlers.handlers.FileHandler;
import org.loghandlers.handlers.RotatingFileHandler;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Our file handlers called by the logging threads themselves: {@code file} is {@link FileHandler}, {@code rotating}
 * is {@link RotatingFileHandler} rolling over every 10 MB with 5 backups. Durable is their default (a flush per
 * record), buffered is {@code autoFlush=false}. Run under the JDK LogManager (as in Payara) and under JBoss LogManager
 * (as in WildFly).
 *
 * <p>So that the delivery check can count every line, the rotating handler's rotator renames each rotated file into
 * an archive directory instead of letting the oldest backup be deleted; a rename is what the default rotator costs
 * too.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = Workload.JDK_LOG_MANAGER)
public class LoghandlersBenchmark extends OursUnderBothLogManagers {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    @Param({"file", "rotating"})
    public String handler;

    @Param({"durable", "buffered"})
    public String flush;

    private FileHandler file;
    private long rotations;

    @Override
    protected void open(Path directory) throws IOException {
        Scenarios.requireLogManagerOf(method());
        String name = directory.resolve("app.log").toString();
        switch (handler) {
            case "file":
                file = forWorkload(new FileHandler(name), flush);
                break;
            case "rotating":
                Path archive = Files.createDirectory(directory.resolve("archive"));
                RotatingFileHandler rotating = forWorkload(new RotatingFileHandler(name, MAX_BYTES, 5), flush);
                rotating.setRotator((source, destination) ->
                        Files.move(source, archive.resolve("app.log." + ++rotations)));
                file = rotating;
                break;
            default:
                throw new IllegalArgumentException("handler: '" + handler + "' is not a scenario; expected file or"
                        + " rotating");
        }
        logger = WorkloadLogger.attach(file);
    }

    @Override
    protected void close() {
        WorkloadLogger.detach(logger, file);
        file.close();
    }
}
