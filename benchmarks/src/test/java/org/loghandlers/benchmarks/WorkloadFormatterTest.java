package org.loghandlers.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class WorkloadFormatterTest {

    @Test
    void writesTheWorkloadLineOf108Bytes() throws InterruptedException {
        String[] line = new String[1];
        Thread thread = new Thread(() -> {
            LogRecord record = new LogRecord(Level.INFO, Workload.MESSAGE);
            record.setLoggerName(Workload.LOGGER_NAME);
            line[0] = new WorkloadFormatter().format(record);
        }, Workload.THREAD_NAME_PREFIX + 0);
        thread.start();
        thread.join();

        assertTrue(line[0].endsWith("\n"), line[0]);
        assertTrue(Workload.LINE.matcher(line[0].substring(0, line[0].length() - 1)).matches(), line[0]);
        assertEquals(108, line[0].getBytes(StandardCharsets.UTF_8).length, line[0]);
    }

    @Test
    void printsTheRecordsMillisecondNotACachedOne() {
        WorkloadFormatter formatter = new WorkloadFormatter();
        LogRecord first = new LogRecord(Level.INFO, Workload.MESSAGE);
        first.setInstant(java.time.Instant.ofEpochMilli(1_000_000_000_123L));
        LogRecord second = new LogRecord(Level.INFO, Workload.MESSAGE);
        second.setInstant(java.time.Instant.ofEpochMilli(1_000_000_000_124L));

        String a = formatter.format(first);
        String b = formatter.format(second);

        assertEquals(WorkloadFormatter.date(1_000_000_000_123L), a.substring(0, 23));
        assertEquals(WorkloadFormatter.date(1_000_000_000_124L), b.substring(0, 23));
        assertTrue(b.substring(0, 23).endsWith(",124"), b);
    }
}
