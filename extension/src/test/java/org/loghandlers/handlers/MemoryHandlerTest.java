package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loghandlers.testing.Python;

class MemoryHandlerTest {

    @TempDir
    Path dir;

    private static LogRecord record(Level level, String message) {
        return new LogRecord(level, message);
    }

    /** For each record, how many records the target holds after it; then the count after close; then the texts. */
    private static final String PYTHON_MEMORY_HANDLER = String.join("\n",
            "import logging, logging.handlers, sys",
            "class Target(logging.Handler):",
            "    def __init__(self):",
            "        super().__init__(logging.CRITICAL)",
            "        self.got = []",
            "    def emit(self, r):",
            "        self.got.append(r.getMessage())",
            "capacity = int(sys.argv[1]); flush_on_close = sys.argv[2] == '1'",
            "levels = [int(l) for l in sys.argv[3].split(',')]",
            "target = Target()",
            "h = logging.handlers.MemoryHandler(capacity, logging.WARNING, target, flush_on_close)",
            "counts = []",
            "for i, level in enumerate(levels):",
            "    h.handle(logging.makeLogRecord({'levelno': level, 'levelname': logging.getLevelName(level),"
                    + " 'msg': str(i)}))",
            "    counts.append(str(len(target.got)))",
            "h.close()",
            "counts.append(str(len(target.got)))",
            "print(' '.join(counts))",
            "print(','.join(target.got))");

    @ParameterizedTest(name = "flushOnClose={0}")
    @ValueSource(booleans = {true, false})
    void flushesExactlyWhenCPythonDoesWithTheTargetsLevelIgnored(boolean flushOnClose) throws Exception {
        Map<Integer, Level> javaLevel = Map.of(10, Level.FINE, 20, Level.INFO, 30, Level.WARNING, 40, Level.SEVERE);
        int[] pythonLevels = {10, 20, 30, 40};
        Random random = new Random(26559);
        List<Integer> levels = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            // Mostly DEBUG and INFO, so that capacity triggers as well as level triggers happen.
            levels.add(pythonLevels[random.nextInt(10) < 8 ? random.nextInt(2) : 2 + random.nextInt(2)]);
        }
        int capacity = 10;
        String joined = String.join(",", levels.stream().map(String::valueOf).toList());
        String expected = Python.run(PYTHON_MEMORY_HANDLER, dir, Map.of(), String.valueOf(capacity),
                flushOnClose ? "1" : "0", joined).strip();

        CollectingTarget target = new CollectingTarget.IgnoringLevel();
        target.setLevel(Level.OFF);
        MemoryHandler handler = new MemoryHandler(capacity, Level.WARNING, target, flushOnClose);
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            handler.publish(record(javaLevel.get(levels.get(i)), String.valueOf(i)));
            counts.add(String.valueOf(target.records().size()));
        }
        handler.close();
        counts.add(String.valueOf(target.records().size()));
        String actual = String.join(" ", counts) + "\n" + String.join(",", target.messages());

        assertEquals(expected, actual);
    }

    @Test
    void aFlushLevelRecordFlushesTheBufferIncludingItself() {
        CollectingTarget target = new CollectingTarget();
        MemoryHandler handler = new MemoryHandler(3, Level.SEVERE, target);
        handler.publish(record(Level.INFO, "1"));
        handler.publish(record(Level.INFO, "2"));
        assertEquals(List.of(), target.messages());
        handler.publish(record(Level.SEVERE, "boom"));
        assertEquals(List.of("1", "2", "boom"), target.messages());
        assertEquals(1, target.flushes());
    }

    @Test
    void withoutATargetTheBufferIsKeptAndKeepsGrowing() {
        MemoryHandler handler = new MemoryHandler(2);
        handler.publish(record(Level.INFO, "1"));
        handler.publish(record(Level.INFO, "2"));
        handler.publish(record(Level.SEVERE, "3"));
        assertEquals(3, handler.getBufferedCount());

        CollectingTarget target = new CollectingTarget();
        handler.setTarget(target);
        handler.flush();
        assertEquals(List.of("1", "2", "3"), target.messages());
        assertEquals(0, handler.getBufferedCount());
    }

    @Test
    void closeSendsTheBufferByDefaultButNotWithFlushOnCloseFalse() {
        CollectingTarget sent = new CollectingTarget();
        MemoryHandler flushing = new MemoryHandler(10, Level.SEVERE, sent);
        flushing.publish(record(Level.INFO, "kept"));
        flushing.close();
        assertEquals(List.of("kept"), sent.messages());
        assertNull(flushing.getTarget());

        CollectingTarget notSent = new CollectingTarget();
        MemoryHandler quiet = new MemoryHandler(10, Level.SEVERE, notSent, false);
        quiet.publish(record(Level.INFO, "dropped"));
        quiet.close();
        assertEquals(List.of(), notSent.messages());
        quiet.publish(record(Level.SEVERE, "after close"));
        assertEquals(List.of(), notSent.messages());
    }

    @Test
    void theTargetsFilterStillApplies() {
        CollectingTarget target = new CollectingTarget.IgnoringLevel();
        target.setFilter(r -> !r.getMessage().startsWith("secret"));
        MemoryHandler handler = new MemoryHandler(3, Level.SEVERE, target);
        handler.publish(record(Level.INFO, "a"));
        handler.publish(record(Level.INFO, "secret"));
        handler.publish(record(Level.INFO, "b"));
        assertEquals(List.of("a", "b"), target.messages());
    }

    @Test
    void aPlainJdkTargetKeepsItsLevelBecausePublishChecksIt() throws Exception {
        Path file = dir.resolve("target.log");
        try (OutputStream out = Files.newOutputStream(file)) {
            java.util.logging.StreamHandler target = new java.util.logging.StreamHandler(out, new SimpleFormatter());
            target.setLevel(Level.SEVERE);
            MemoryHandler handler = new MemoryHandler(2, Level.SEVERE, target);
            handler.publish(record(Level.INFO, "below the target's level"));
            handler.publish(record(Level.SEVERE, "at the target's level"));
            handler.close();
        }
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(written.contains("below the target's level"), written);
        assertTrue(written.contains("at the target's level"), written);
    }

    @Test
    void eightThreadsGetEveryRecordToTheTargetOnceAndInEachThreadsOrder() throws Exception {
        CollectingTarget target = new CollectingTarget();
        MemoryHandler handler = new MemoryHandler(7, Level.SEVERE, target);
        int threads = 8;
        int perThread = 5000;
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            producers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    handler.publish(record(i % 97 == 0 ? Level.SEVERE : Level.INFO, id + ":" + i));
                }
            }));
        }
        producers.forEach(Thread::start);
        for (Thread producer : producers) {
            producer.join();
        }
        handler.close();

        Map<String, Integer> next = new HashMap<>();
        for (String message : target.messages()) {
            String[] parts = message.split(":");
            int expected = next.getOrDefault(parts[0], 0);
            assertEquals(expected, Integer.parseInt(parts[1]), "thread " + parts[0] + " out of order");
            next.put(parts[0], expected + 1);
        }
        assertEquals(threads * perThread, target.messages().size());
    }

    @Test
    void changingTheTargetWhileAnotherThreadFlushesNeverFails() throws Exception {
        CollectingTarget target = new CollectingTarget();
        MemoryHandler handler = new MemoryHandler(1, Level.SEVERE, target);
        AtomicReference<String> error = new AtomicReference<>();
        handler.setErrorManager(new ErrorManager() {
            @Override
            public void error(String msg, Exception ex, int code) {
                error.set(msg);
            }
        });
        Thread toggler = new Thread(() -> {
            for (int i = 0; i < 20_000; i++) {
                handler.setTarget(i % 2 == 0 ? null : target);
            }
        });
        toggler.start();
        for (int i = 0; i < 20_000; i++) {
            handler.publish(record(Level.INFO, String.valueOf(i)));
        }
        toggler.join();
        assertNull(error.get());
    }

    @Test
    void aNullFlushLevelIsRefusedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MemoryHandler().setFlushLevel(null));
        assertTrue(e.getMessage().startsWith("flushLevel: "), e.getMessage());
    }

    /** WildFly's custom-handler and JBoss logging.properties find a setter by name and take the first one. */
    @Test
    void everyOptionIsAJavaBeanPropertyWithExactlyOneSetter() throws Exception {
        JavaBeanOptions.assertConfigurable(MemoryHandler.class, "capacity", "flushLevel", "target", "flushOnClose");
        JavaBeanOptions.assertConfigurable(BufferingHandler.class, "capacity");
    }
}
