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
}
