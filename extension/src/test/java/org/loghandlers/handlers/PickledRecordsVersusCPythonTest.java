package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.PythonPeer;

/**
 * Our records through receivers run under CPython, beside records that CPython's own {@code SocketHandler} and
 * {@code DatagramHandler} send the same receiver: the logging cookbook's TCP receiver ({@code recv} of the 4-byte
 * length, {@code pickle.loads}, {@code logging.makeLogRecord}, {@code handle}) and test_logging's UDP receiver
 * (strip 4 bytes, unpickle). The rebuilt {@code LogRecord}s have the same attributes in the same order with the
 * same types, the same values where Java and Python can agree, and format the same.
 */
class PickledRecordsVersusCPythonTest {

    /**
     * What both receivers share: records kept as the receiving logger's handler gets them, and the comparison of
     * ours (the first two) with Python's own (made from the same inputs), one CHECK line per comparison.
     */
    private static final String RECEIVED_RECORDS = """
            import io, logging, logging.handlers, math, pickle, socket, socketserver, struct, sys, threading

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

            keep = Keep()
            keep.setFormatter(logging.Formatter(FORMAT))
            logging.getLogger('received').addHandler(keep)
            logging.getLogger('received').propagate = False

            def check(what, ok, detail=''):
                print('CHECK', what, 'ok' if ok else 'FAIL ' + detail)

            def wait_for(count):
                with arrived:
                    if not arrived.wait_for(lambda: len(received) >= count, timeout=30):
                        check('arrival', False, f'only {len(received)} of {count} records arrived')
                        sys.exit(0)

            def send_pythons_own(handler):
                sender = logging.getLogger(expected['name'])
                sender.propagate = False
                sender.addHandler(handler)
                try:
                    raise ValueError(expected['exc_message'])
                except ValueError:
                    failure = sys.exc_info()
                for exc_info in (failure, None):
                    sender.handle(sender.makeRecord(expected['name'], logging.ERROR, expected['pathname'], 0,
                                                    'order %s failed: %s', (42, 'disk full'), exc_info,
                                                    expected['funcName']))
                wait_for(ours_count + 2)

            def compare():
                ours, python = received[0:2], received[ours_count:ours_count + 2]
                # Ours are 3.13's records; 3.11 has no taskName (3.12 added it), which makeLogRecord keeps as sent.
                missing_here = [] if sys.version_info >= (3, 12) else ['taskName']
                for (o, o_keys, o_text), (p, p_keys, p_text), kind in zip(ours, python, ('exception', 'plain')):
                    check(kind + ' keys', [k for k in o_keys if k not in missing_here] == p_keys,
                          f'ours {o_keys} python {p_keys}')
                    for key in p_keys:
                        o_type, p_type = type(getattr(o, key)), type(getattr(p, key))
                        check(f'{kind} type of {key}', o_type is p_type, f'ours {o_type} python {p_type}')
                    for key in ['name', 'msg', 'args', 'levelname', 'levelno', 'pathname', 'lineno', 'funcName',
                                'exc_info', 'stack_info', 'threadName', 'processName', 'taskName']:
                        if key in missing_here:
                            continue
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

    /** The logging cookbook's receiver, with {@code logname} set so it never hands a record back to the sender. */
    static final String COOKBOOK_TCP_RECEIVER = RECEIVED_RECORDS + """

            class PlainDataOnly(pickle.Unpickler):
                def find_class(self, module, name):
                    raise pickle.UnpicklingError(f'{module}.{name} refused: a record is plain data')

            plain_data_only = []

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
                    plain_data_only.append(PlainDataOnly(io.BytesIO(data)).load() == pickle.loads(data))
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

            server = LogRecordSocketReceiver()
            threading.Thread(target=server.serve_forever, daemon=True).start()
            print('PORT', server.server_address[1])
            wait_for(ours_count)
            send_pythons_own(logging.handlers.SocketHandler('127.0.0.1', server.server_address[1]))
            check('an unpickler that refuses every class reads every frame', plain_data_only == [True] * 4,
                  repr(plain_data_only))
            compare()
            """;

    /** test_logging's DatagramHandler receiver: each datagram is a length prefix, then the pickle. */
    static final String UDP_RECEIVER = RECEIVED_RECORDS + """

            udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            udp.bind(('127.0.0.1', 0))
            prefixes = []

            def receive():
                while True:
                    packet = udp.recv(65536)
                    prefixes.append(struct.unpack('>L', packet[:4])[0] == len(packet) - 4)
                    obj = pickle.loads(packet[len(struct.pack('>L', 0)):])
                    logging.getLogger('received').handle(logging.makeLogRecord(obj))

            threading.Thread(target=receive, daemon=True).start()
            print('PORT', udp.getsockname()[1])
            wait_for(ours_count)
            send_pythons_own(logging.handlers.DatagramHandler('127.0.0.1', udp.getsockname()[1]))
            check('each datagram holds its length prefix', len(prefixes) == 4 and all(prefixes), repr(prefixes))
            compare()
            """;

    private static final Instant INSTANT = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
    private static final String SOURCE_CLASS = "com.acme.orders.OrderService$Retry";

    private static LogRecord record(Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "order {0} failed: {1}");
        record.setParameters(new Object[] {42, "disk full"});
        record.setLoggerName("net.orders");
        record.setSourceClassName(SOURCE_CLASS);
        record.setSourceMethodName("placeOrder");
        record.setInstant(INSTANT);
        record.setThrown(thrown);
        return record;
    }

    private static Map<String, String> expected() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("name", "net.orders");
        expected.put("pathname", SOURCE_CLASS);
        expected.put("filename", "OrderService.java");
        expected.put("module", "OrderService");
        expected.put("funcName", "placeOrder");
        expected.put("threadName", "MainThread");
        expected.put("created", Double.toString((INSTANT.getEpochSecond() * 1_000_000_000L + INSTANT.getNano()) / 1e9));
        expected.put("exc_message", "disk full on /var");
        return expected;
    }

    /**
     * Starts the receiver, publishes our two records (with and without an exception) to it through the handler
     * {@code sender} makes for its port, on a thread named as Python's main thread so that {@code threadName}
     * compares as it is, and asserts that every comparison the receiver made held.
     */
    private static void assertReceivedAsPythonsOwn(String receiverScript, IntFunction<Handler> sender, Path dir)
            throws Exception {
        Path expectedFile = dir.resolve("expected.tsv");
        StringBuilder lines = new StringBuilder();
        expected().forEach((key, value) -> lines.append(key).append('\t').append(value).append('\n'));
        Files.writeString(expectedFile, lines, StandardCharsets.UTF_8);
        try (PythonPeer receiver = PythonPeer.start(receiverScript, dir, expectedFile.toString(), "2")) {
            Handler handler = sender.apply(Integer.parseInt(receiver.awaitLine("PORT ").trim()));
            Thread main = new Thread(() -> {
                for (LogRecord record : List.of(record(new IllegalStateException("disk full on /var")),
                        record(null))) {
                    record.setLongThreadID(Thread.currentThread().getId());
                    handler.publish(record);
                }
            }, "MainThread");
            main.start();
            main.join();
            List<String> output = receiver.finish();
            handler.close();
            List<String> failures = output.stream()
                    .filter(line -> !(line.startsWith("CHECK") && line.endsWith(" ok")))
                    .filter(line -> !line.startsWith("PORT") && !line.startsWith("DONE")).toList();
            assertEquals(List.of(), failures, String.join("\n", output));
            assertTrue(output.contains("DONE 4"), String.join("\n", output));
            assertTrue(output.stream().filter(line -> line.startsWith("CHECK")).count() > 80, "the checks ran");
        }
    }

    @Test
    void theCookbookSocketReceiverRebuildsOurRecordsAsItRebuildsPythonsOwn(@TempDir Path dir) throws Exception {
        assertReceivedAsPythonsOwn(COOKBOOK_TCP_RECEIVER, port -> new SocketHandler("127.0.0.1", port), dir);
    }

    @Test
    void aUdpReceiverRebuildsOurDatagramsAsItRebuildsPythonsOwn(@TempDir Path dir) throws Exception {
        assertReceivedAsPythonsOwn(UDP_RECEIVER, port -> new DatagramHandler("127.0.0.1", port), dir);
    }
}
