package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.testing.CountingStream;

/** Our handlers used as each other's targets: memory and queue in front of real files. */
class HandlersTogetherTest {

    @TempDir
    Path dir;

    @Test
    void aMemoryHandlerFlushesIntoAFileWhoseLevelIsHigherAsPythonDoes() throws IOException {
        Path file = dir.resolve("errors.log");
        FileHandler target = new FileHandler(file.toString());
        target.setLevel(Level.SEVERE);
        target.setFilter(r -> !r.getMessage().contains("secret"));
        MemoryHandler memory = new MemoryHandler();
        memory.setCapacity(10);
        memory.setTarget(target);
        memory.publish(new LogRecord(Level.INFO, "context"));
        memory.publish(new LogRecord(Level.INFO, "secret"));
        memory.publish(new LogRecord(Level.SEVERE, "failure"));
        memory.close();
        target.close();
        assertEquals(List.of("context", "failure"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void recordsThroughAQueueAreFormattedWithTheProducersThreadName() throws Exception {
        Path file = dir.resolve("queued.log");
        FileHandler target = new FileHandler(file.toString());
        target.setFormatter(new PythonFormatter("%(threadName)s %(message)s"));
        QueueHandler queue = new QueueHandler(target);
        queue.getListener().start();
        Thread producer = new Thread(() -> queue.publish(new LogRecord(Level.INFO, "hello")), "producer-7");
        producer.start();
        producer.join();
        queue.getListener().stop();
        queue.close();
        target.close();
        assertEquals(List.of("producer-7 hello"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void aMemoryHandlerSendsItsBufferToAStreamAsOneBatchWithOneFlush() {
        CountingStream stream = new CountingStream();
        StreamHandler target = new StreamHandler(stream);
        MemoryHandler memory = new MemoryHandler(100, Level.SEVERE, target);
        for (int i = 0; i < 9; i++) {
            memory.publish(new LogRecord(Level.INFO, "context " + i));
        }
        assertEquals(0, stream.writes.get(), "buffered until the flush level");
        memory.publish(new LogRecord(Level.SEVERE, "failure"));

        assertEquals(10, stream.bytes.toString(StandardCharsets.UTF_8).lines().count());
        assertEquals(1, stream.flushes.get(), "one flush for the buffer, not one per record");
        target.publish(new LogRecord(Level.INFO, "direct"));
        assertEquals(2, stream.flushes.get(), "the stream's own autoFlush still applies to records from a logger");
    }

    @Test
    void aMemoryHandlerBehindAQueueKeepsItsBufferUntilItsOwnFlushLevelAsBehindPythonsListener() throws Exception {
        Path file = dir.resolve("context.log");
        FileHandler target = new FileHandler(file.toString());
        MemoryHandler memory = new MemoryHandler(1000, Level.SEVERE, target);
        QueueHandler queue = new QueueHandler(memory);
        for (int i = 0; i < 50; i++) {
            queue.publish(new LogRecord(Level.INFO, "context " + i));
        }
        queue.getListener().stop();
        assertEquals(50, queue.getStatistics().delivered());
        assertEquals(50, memory.getBufferedCount(), "not emptied at the end of a batch or at the listener's stop");
        assertEquals(List.of(), Files.readAllLines(file, StandardCharsets.UTF_8));

        queue.publish(new LogRecord(Level.SEVERE, "failure"));
        queue.close();
        target.close();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(51, lines.size());
        assertEquals("failure", lines.get(50));
    }
}
