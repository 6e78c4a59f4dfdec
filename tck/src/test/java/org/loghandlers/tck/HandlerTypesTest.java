package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loghandlers.cdi.LogHandler;
import org.loghandlers.handlers.FileHandler;
import org.loghandlers.handlers.MemoryHandler;
import org.loghandlers.handlers.NullHandler;
import org.loghandlers.handlers.QueueHandler;
import org.loghandlers.handlers.RotatingFileHandler;
import org.loghandlers.handlers.StreamHandler;
import org.loghandlers.handlers.TimedRotatingFileHandler;
import org.loghandlers.handlers.WatchedFileHandler;

/** Every handler type in this build, declared in properties, arrives with each of its options applied. */
@ExtendWith(ArquillianExtension.class)
class HandlerTypesTest {

    private static final String LOGGER = "tck.types";

    @Deployment
    static Archive<?> deployment() {
        Path dir = Deployments.logDirectory("types");
        String d = Deployments.value(dir);
        return Deployments.archive("""
                loghandlers.handler.console.type=stream
                loghandlers.handler.console.terminator=\\r\\n
                loghandlers.handler.console.auto-flush=false
                loghandlers.handler.console.level=ERROR
                loghandlers.handler.console.loggers=none
                loghandlers.handler.plain.type=file
                loghandlers.handler.plain.file-name=%1$s/plain.log
                loghandlers.handler.plain.mode=w
                loghandlers.handler.plain.delay=true
                loghandlers.handler.plain.encoding=ISO-8859-1
                loghandlers.handler.plain.loggers=tck.types
                loghandlers.handler.discard.type=null
                loghandlers.handler.discard.loggers=tck.types
                loghandlers.handler.watched.type=watched-file
                loghandlers.handler.watched.file-name=%1$s/watched.log
                loghandlers.handler.watched.level=DEBUG
                loghandlers.handler.watched.loggers=tck.types
                loghandlers.handler.audit.type=rotating-file
                loghandlers.handler.audit.file-name=%1$s/audit.log
                loghandlers.handler.audit.max-bytes=4096
                loghandlers.handler.audit.backup-count=2
                loghandlers.handler.audit.compress=true
                loghandlers.handler.audit.level=WARNING
                loghandlers.handler.audit.loggers=tck.types
                loghandlers.handler.daily.type=timed-rotating-file
                loghandlers.handler.daily.file-name=%1$s/daily.log
                loghandlers.handler.daily.when=midnight
                loghandlers.handler.daily.backup-count=7
                loghandlers.handler.daily.utc=true
                loghandlers.handler.daily.at-time=02:30
                loghandlers.handler.daily.compress=true
                loghandlers.handler.daily.loggers=none
                loghandlers.handler.buffer.type=memory
                loghandlers.handler.buffer.capacity=50
                loghandlers.handler.buffer.flush-level=ERROR
                loghandlers.handler.buffer.flush-on-close=false
                loghandlers.handler.buffer.target=discard
                loghandlers.handler.buffer.loggers=none
                loghandlers.handler.async.type=queue
                loghandlers.handler.async.handlers=discard,own
                loghandlers.handler.async.capacity=1000
                loghandlers.handler.async.overflow-policy=drop-newest
                loghandlers.handler.async.respect-handler-level=true
                loghandlers.handler.async.loggers=none
                loghandlers.handler.own.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.own.tag=from properties
                loghandlers.handler.own.loggers=tck.types
                """.formatted(d), HandlerTypesTest.class);
    }

    @Inject
    @LogHandler("console")
    StreamHandler console;

    @Inject
    @LogHandler("plain")
    FileHandler plain;

    @Inject
    @LogHandler("discard")
    NullHandler discard;

    @Inject
    @LogHandler("watched")
    WatchedFileHandler watched;

    @Inject
    @LogHandler("audit")
    RotatingFileHandler audit;

    @Inject
    @LogHandler("own")
    CapturingHandler own;

    @Inject
    @LogHandler("daily")
    TimedRotatingFileHandler daily;

    @Inject
    @LogHandler("buffer")
    MemoryHandler buffer;

    @Inject
    @LogHandler("async")
    QueueHandler async;

    @Test
    void streamHandlerHasItsOptions() {
        assertEquals("\r\n", console.getTerminator());
        assertFalse(console.isAutoFlush());
        assertEquals(Level.SEVERE, console.getLevel());
    }

    @Test
    void fileHandlerHasItsOptions() {
        assertTrue(plain.getFileName().endsWith("plain.log"));
        assertEquals("w", plain.getMode());
        assertTrue(plain.isDelay());
        assertEquals("ISO-8859-1", plain.getEncoding());
    }

    @Test
    void watchedAndRotatingFileHandlersHaveTheirOptions() {
        assertTrue(watched.getFileName().endsWith("watched.log"));
        assertEquals(Level.FINE, watched.getLevel());
        assertTrue(audit.getFileName().endsWith("audit.log"));
        assertEquals(4096, audit.getMaxBytes());
        assertEquals(2, audit.getBackupCount());
        assertTrue(audit.isCompress());
        assertEquals(Level.WARNING, audit.getLevel());
        assertEquals("from properties", own.getTag());
    }

    @Test
    void timedRotatingFileHandlerHasItsOptions() {
        assertTrue(daily.getFileName().endsWith("daily.log"));
        assertEquals("MIDNIGHT", daily.getWhen().toUpperCase(java.util.Locale.ROOT));
        assertEquals(7, daily.getBackupCount());
        assertTrue(daily.isUtc());
        assertEquals("02:30", daily.getAtTime().substring(0, 5));
        assertTrue(daily.isCompress());
    }

    @Test
    void memoryHandlerHasItsOptionsAndItsTargetIsTheNamedHandler() {
        assertEquals(50, buffer.getCapacity());
        assertEquals(Level.SEVERE.intValue(), buffer.getFlushLevel().intValue());
        assertFalse(buffer.isFlushOnClose());
        assertSame(discard, buffer.getTarget());
    }

    @Test
    void queueHandlerHasItsOptionsAndPassesRecordsToTheNamedHandlers() {
        assertEquals(1024, async.getCapacity(), "rounded up to a power of two");
        assertEquals("drop-newest", async.getOverflowPolicy());
        assertTrue(async.isRespectHandlerLevel());
        assertEquals("async", async.getName());
        assertArrayEquals(new Handler[] {discard, own}, async.getHandlers());
        assertTrue(async.getListener().isRunning());
    }

    /** The handlers have no format set, so each line is Python's default: the message alone. */
    @Test
    void recordsReachEachFileAtItsLevel() throws IOException {
        Logger logger = Logger.getLogger(LOGGER);
        logger.warning("caf\u00e9 warning");
        logger.info("plain info");
        assertEquals(List.of("caf\u00e9 warning", "plain info"),
                Files.readAllLines(Path.of(plain.getFileName()), StandardCharsets.ISO_8859_1));
        assertEquals(List.of("caf\u00e9 warning", "plain info"), Files.readAllLines(Path.of(watched.getFileName())));
        assertEquals(List.of("caf\u00e9 warning"), Files.readAllLines(Path.of(audit.getFileName())));
        assertTrue(own.messages().containsAll(List.of("caf\u00e9 warning", "plain info")));
        assertTrue(List.of(logger.getHandlers()).contains(discard));
    }
}
