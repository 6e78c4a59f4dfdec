package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.handlers.FileHandler;
import org.loghandlers.receivers.wire.JsonReader;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.Python;

/** CPython 3.13's own {@code logging.handlers.SocketHandler} logs into our socket receiver. */
class SocketReceiverCPythonTest {

    @TempDir
    Path work;

    private final CountingErrorManager errors = new CountingErrorManager();
    private SocketReceiver receiver;

    private SocketReceiver start(java.util.logging.Handler... handlers) throws Exception {
        receiver = new SocketReceiver("127.0.0.1", 0);
        receiver.setName("central");
        receiver.setErrorManager(errors);
        receiver.setHandlers(handlers);
        receiver.start();
        return receiver;
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop();
        }
    }

    private static final String FIELDS_SCRIPT = """
            import json, logging, logging.handlers, sys, threading
            handler = logging.handlers.SocketHandler('127.0.0.1', int(sys.argv[1]))
            sent = []
            class Keep(logging.Filter):
                def filter(self, record):
                    sent.append(record)
                    return True
            handler.addFilter(Keep())
            log = logging.getLogger('py.orders')
            log.propagate = False
            log.setLevel(logging.DEBUG)
            log.addHandler(handler)
            def work():
                log.warning('order %s shipped', 'A-1')
                try:
                    1 / 0
                except ZeroDivisionError:
                    log.exception('order %d failed', 7, extra={'request_id': 'r-42'})
            thread = threading.Thread(target=work, name='worker-7')
            thread.start()
            thread.join()
            handler.close()
            keys = ('name', 'levelno', 'created', 'thread', 'threadName', 'process', 'processName', 'exc_text',
                    'pathname', 'lineno', 'funcName', 'module')
            print(json.dumps([dict({k: r.__dict__[k] for k in keys}, message=r.getMessage()) for r in sent]))
            """;

    @Test
    void everyFieldCPythonsSocketHandlerSendsArrives() throws Exception {
        RecordCollector collector = new RecordCollector();
        start(collector);
        String output = Python.run(FIELDS_SCRIPT, work, Map.of(), String.valueOf(receiver.getLocalPort()));
        List<?> sent = (List<?>) JsonReader.parse(output.strip());
        List<LogRecord> received = collector.await(2);
        assertEquals(2, sent.size());
        for (int i = 0; i < 2; i++) {
            Map<?, ?> python = (Map<?, ?>) sent.get(i);
            ReceivedRecord record = assertInstanceOf(ReceivedRecord.class, received.get(i));
            assertEquals(python.get("name"), record.getLoggerName());
            assertEquals(i == 0 ? Level.WARNING : Level.SEVERE, record.getLevel());
            assertEquals(python.get("message"), record.getMessage());
            double created = (Double) python.get("created");
            assertEquals(Math.round(created * 1e6), record.getInstant().getEpochSecond() * 1_000_000L
                    + record.getInstant().getNano() / 1000, "created, to the microsecond");
            assertEquals(python.get("thread"), record.getLongThreadID());
            assertEquals("worker-7", record.getThreadName());
            assertEquals(python.get("process"), record.getProcess());
            assertEquals(python.get("processName"), record.getProcessName());
            assertEquals("127.0.0.1", record.getHost());
            assertEquals(python.get("pathname"), record.getSourceClassName());
            assertEquals("work", record.getSourceMethodName());
            assertEquals(python.get("lineno"), record.getAttributes().get("lineno"));
            if (i == 0) {
                assertNull(python.get("exc_text"));
                assertNull(record.getThrown());
            } else {
                String excText = (String) python.get("exc_text");
                assertTrue(excText.startsWith("Traceback (most recent call last):")
                        && excText.endsWith("ZeroDivisionError: division by zero"), excText);
                RemoteTraceback traceback = assertInstanceOf(RemoteTraceback.class, record.getThrown());
                assertEquals(excText, traceback.getText());
                assertEquals(Map.of("request_id", "r-42"), record.getMdc());
            }
        }
        PythonFormatter format = new PythonFormatter("%(process)d %(threadName)s %(module)s:%(lineno)d %(message)s");
        Map<?, ?> first = (Map<?, ?>) sent.get(0);
        assertEquals(first.get("process") + " worker-7 " + first.get("module") + ":" + first.get("lineno")
                + " order A-1 shipped", format.format(received.get(0)));
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    private static final String HOSTILE_SCRIPT = """
            import logging, logging.handlers, os, pickle, socket, struct, sys
            port, marker = int(sys.argv[1]), sys.argv[2]
            class Attack:
                def __reduce__(self):
                    return (os.system, ('touch ' + marker,))
            payload = pickle.dumps({'name': 'evil', 'msg': Attack()}, 1)
            with socket.create_connection(('127.0.0.1', port), timeout=10) as attacker:
                attacker.sendall(struct.pack('>L', len(payload)) + payload)
                print('attacker connection', 'closed by the receiver' if attacker.recv(1) == b'' else 'open')
            handler = logging.handlers.SocketHandler('127.0.0.1', port)
            log = logging.getLogger('py.after')
            log.propagate = False
            log.addHandler(handler)
            log.error('still served')
            handler.close()
            """;

    @Test
    void aPickleNamingOsSystemIsRefusedAndReportedAndTheReceiverServesTheNextSender() throws Exception {
        RecordCollector collector = new RecordCollector();
        start(collector);
        Path marker = work.resolve("pwned");
        String output = Python.run(HOSTILE_SCRIPT, work, Map.of(), String.valueOf(receiver.getLocalPort()),
                marker.toString());
        assertTrue(output.contains("attacker connection closed by the receiver"), output);
        List<LogRecord> received = collector.await(1);
        assertEquals("still served", received.get(0).getMessage());
        assertEquals(1, received.size(), "nothing of the refused frame was delivered");
        assertFalse(Files.exists(marker), "the command in the pickle never ran");
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        CountingErrorManager.Report report = errors.reports().get(0);
        assertEquals(ErrorManager.FORMAT_FAILURE, report.code());
        assertTrue(report.message().matches("receiver central on 127\\.0\\.0\\.1:\\d+: closed the connection from"
                + " 127\\.0\\.0\\.1:\\d+ after 0 record\\(s\\): refused pickle opcode GLOBAL naming (os|posix)\\.system"
                + " at offset \\d+: a pickle that names, builds or calls an object is never accepted"),
                report.message());
    }

    private static final String MANY_SENDERS_SCRIPT = """
            import logging, logging.handlers, sys, threading
            port, count = int(sys.argv[1]), int(sys.argv[2])
            def send(sender):
                handler = logging.handlers.SocketHandler('127.0.0.1', port)
                log = logging.getLogger('sender.%d' % sender)
                log.propagate = False
                log.setLevel(logging.INFO)
                log.addHandler(handler)
                for n in range(count):
                    log.info('%d %d', sender, n)
                handler.close()
            threads = [threading.Thread(target=send, args=(s,)) for s in range(4)]
            for t in threads: t.start()
            for t in threads: t.join()
            """;

    @Test
    void fourSendersOfTenThousandRecordsEachArriveExactlyOnceAndInOrderInAFile() throws Exception {
        Path file = work.resolve("central.log");
        FileHandler central = new FileHandler(file.toString());
        central.setFormatter(new PythonFormatter("%(name)s %(message)s"));
        start(central);
        Python.run(MANY_SENDERS_SCRIPT, work, Map.of(), String.valueOf(receiver.getLocalPort()), "10000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (receiver.getDeliveredCount() < 40_000 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        receiver.stop();
        central.close();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(40_000, lines.size());
        Map<Integer, Integer> nextBySender = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            int sender = Integer.parseInt(parts[1]);
            int n = Integer.parseInt(parts[2]);
            assertEquals("sender." + sender, parts[0]);
            assertEquals(nextBySender.getOrDefault(sender, 0), n, "sender " + sender + ": once each, in order");
            nextBySender.put(sender, n + 1);
        }
        assertEquals(Map.of(0, 10_000, 1, 10_000, 2, 10_000, 3, 10_000), nextBySender);
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }
}
