package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.PythonPeer;

/**
 * Our records through the logging cookbook's socket receiver, run under CPython ({@code recv} of the 4-byte
 * length, {@code pickle.loads}, {@code logging.makeLogRecord}, {@code handle}), beside records that CPython's own
 * {@code SocketHandler} sends the same receiver: the rebuilt {@code LogRecord}s have the same attributes in the
 * same order with the same types, the same values where Java and Python can agree, and format the same.
 */
class SocketHandlerVersusCPythonTest {

    /**
     * The cookbook's receiver, with {@code logname} set so that it does not hand records back to the logger that
     * sends Python's own; then Python's SocketHandler sends a record made from the same inputs, and the script
     * compares, printing one CHECK line per comparison.
     */
    static final String COOKBOOK_RECEIVER = """
            import logging, logging.handlers, math, pickle, socketserver, struct, sys, threading

            expected = dict(line.rstrip('\\n').split('\\t', 1) for line in open(sys.argv[1], encoding='utf-8'))
            ours_count = int(sys.argv[2])
            FORMAT = '%(name)s|%(levelname)s|%(levelno)d|%(pathname)s|%(funcName)s|%(lineno)d|%(threadName)s|%(message)s'
            received = []
            arrived = threading.Condition()

            class Keep(logging.Handler):
                def emit(self, record):
                    with arrived:
                        received.append((record, list(record.__dict__), self.format(record)))
                        arrived.notify_all()

            class LogRecordStreamHandler(socketserver.StreamRequestHandler):
                def handle(self):
                    while True:
                        chunk = self.connection.recv(4)
                        if len(chunk) < 4:
                            break
                        slen = struct.unpack('>L', chunk)[0]
                        chunk = self.connection.recv(slen)
                        while len(chunk) < slen:
                            chunk = chunk + self.connection.recv(slen - len(chunk))
                        obj = self.unPickle(chunk)
                        record = logging.makeLogRecord(obj)
                        self.handleLogRecord(record)

                def unPickle(self, data):
                    return pickle.loads(data)

                def handleLogRecord(self, record):
                    name = self.server.logname if self.server.logname is not None else record.name
                    logging.getLogger(name).handle(record)

            class LogRecordSocketReceiver(socketserver.ThreadingTCPServer):
                allow_reuse_address = True
                daemon_threads = True

                def __init__(self):
                    socketserver.ThreadingTCPServer.__init__(self, ('127.0.0.1', 0), LogRecordStreamHandler)
                    self.logname = 'received'

            keep = Keep()
            keep.setFormatter(logging.Formatter(FORMAT))
            logging.getLogger('received').addHandler(keep)
            logging.getLogger('received').propagate = False
            server = LogRecordSocketReceiver()
            threading.Thread(target=server.serve_forever, daemon=True).start()
            print('PORT', server.server_address[1])

            def wait_for(count):
                with arrived:
                    if not arrived.wait_for(lambda: len(received) >= count, timeout=30):
                        print('CHECK arrival FAIL: only', len(received), 'of', count, 'records arrived')
                        sys.exit(0)

            wait_for(ours_count)
            sender = logging.getLogger(expected['name'])
            sender.propagate = False
            sender.addHandler(logging.handlers.SocketHandler('127.0.0.1', server.server_address[1]))
            try:
                raise ValueError(expected['exc_message'])
            except ValueError:
                failure = sys.exc_info()
            for exc_info in (failure, None):
                sender.handle(sender.makeRecord(expected['name'], logging.ERROR, expected['pathname'], 0,
                                                'order %s failed: %s', (42, 'disk full'), exc_info,
                                                expected['funcName']))
            wait_for(ours_count + 2)

            def check(what, ok, detail=''):
                print('CHECK', what, 'ok' if ok else 'FAIL ' + detail)

            ours, python = received[0:2], received[ours_count:ours_count + 2]
            for (o, o_keys, o_text), (p, p_keys, p_text), kind in zip(ours, python, ('exception', 'plain')):
                check(kind + ' keys', o_keys == p_keys, f'ours {o_keys} python {p_keys}')
                for key in p_keys:
                    o_type, p_type = type(getattr(o, key)), type(getattr(p, key))
                    check(f'{kind} type of {key}', o_type is p_type, f'ours {o_type} python {p_type}')
                for key in ('name', 'msg', 'args', 'levelname', 'levelno', 'pathname', 'lineno', 'funcName',
                            'exc_info', 'stack_info', 'threadName', 'processName', 'taskName'):
                    check(f'{kind} {key}', getattr(o, key) == getattr(p, key),
                          f'ours {getattr(o, key)!r} python {getattr(p, key)!r}')
                for key in ('filename', 'module', 'threadName'):
                    check(f'{kind} {key} as Java names it', getattr(o, key) == expected[key],
                          f'{getattr(o, key)!r} != {expected[key]!r}')
                check(f'{kind} getMessage', o.getMessage() == p.getMessage() == 'order 42 failed: disk full',
                      f'ours {o.getMessage()!r} python {p.getMessage()!r}')
                for record, who in ((o, 'ours'), (p, 'python')):
                    consistent = 0 <= math.fmod(record.created, 1) * 1000 - record.msecs < 1.001
                    check(f'{kind} {who} msecs within created', consistent, f'{record.created!r} {record.msecs!r}')
                    check(f'{kind} {who} process', isinstance(record.process, int) and record.process > 0,
                          repr(record.process))
                check(f'{kind} created', o.created == float(expected['created']), f'{o.created!r}')
                if kind == 'exception':
                    check('exc_text holds the exception', expected['exc_message'] in o.exc_text
                          and expected['exc_message'] in p.exc_text, f'ours {o.exc_text!r} python {p.exc_text!r}')
                    o_line, _, o_trace = o_text.partition('\\n')
                    p_line, _, p_trace = p_text.partition('\\n')
                    check('formatted with the traceback', o_line == p_line and o_trace == o.exc_text
                          and p_trace == p.exc_text, f'ours {o_text!r} python {p_text!r}')
                else:
                    check('plain exc_text', o.exc_text is None and p.exc_text is None,
                          f'ours {o.exc_text!r} python {p.exc_text!r}')
                    check('formatted', o_text == p_text, f'ours {o_text!r} python {p_text!r}')
            print('DONE', len(received))
            """;

    private static final Instant INSTANT = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
    private static final String SOURCE_CLASS = "com.acme.orders.OrderService$Retry";

    private static LogRecord record(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "order {0} failed: {1}");
        record.setParameters(new Object[] {42, "disk full"});
        record.setLoggerName("tcp.orders");
        record.setSourceClassName(SOURCE_CLASS);
        record.setSourceMethodName("placeOrder");
        record.setInstant(INSTANT);
        record.setThrown(thrown);
        return record;
    }

    private static Map<String, String> expected() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name", "tcp.orders");
        expected.put("pathname", SOURCE_CLASS);
        expected.put("filename", "OrderService.java");
        expected.put("module", "OrderService");
        expected.put("funcName", "placeOrder");
        expected.put("threadName", "MainThread");
        expected.put("created", Double.toString((INSTANT.getEpochSecond() * 1_000_000_000L + INSTANT.getNano()) / 1e9));
        expected.put("exc_message", "disk full on /var");
        return expected;
    }

    /** Publishes on a thread named as Python's main thread, so that threadName can be compared as it is. */
    private static void publishOnMainThread(SocketHandler handler, List<LogRecord> records) throws Exception {
        Thread main = new Thread(() -> records.forEach(record -> {
            record.setLongThreadID(Thread.currentThread().getId());
            handler.publish(record);
        }), "MainThread");
        main.start();
        main.join();
    }

    @Test
    void theCookbookReceiverRebuildsOurRecordsAsItRebuildsPythonsOwn(@TempDir Path dir) throws Exception {
        Path expectedFile = dir.resolve("expected.tsv");
        StringBuilder lines = new StringBuilder();
        expected().forEach((key, value) -> lines.append(key).append('\t').append(value).append('\n'));
        Files.writeString(expectedFile, lines, StandardCharsets.UTF_8);
        try (PythonPeer receiver = PythonPeer.start(COOKBOOK_RECEIVER, dir, expectedFile.toString(), "2")) {
            int port = Integer.parseInt(receiver.awaitLine("PORT ").trim());
            SocketHandler handler = new SocketHandler("127.0.0.1", port);
            List<LogRecord> records = new ArrayList<>();
            records.add(record(new IllegalStateException("disk full on /var")));
            records.add(record(null));
            publishOnMainThread(handler, records);
            List<String> output = receiver.finish();
            handler.close();
            List<String> failures = output.stream().filter(line -> !line.startsWith("CHECK") || !line.endsWith(" ok"))
                    .filter(line -> !line.startsWith("PORT") && !line.startsWith("DONE")).toList();
            assertEquals(List.of(), failures, String.join("\n", output));
            assertTrue(output.contains("DONE 4"), String.join("\n", output));
            assertTrue(output.stream().filter(line -> line.startsWith("CHECK")).count() > 80, "checks ran");
            assertEquals(0, handler.getLostRecordCount());
        }
    }
}
