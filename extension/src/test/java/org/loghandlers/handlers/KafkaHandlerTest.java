package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.format.JsonFormatter;
import org.loghandlers.handlers.wire.SenderHeaders;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.KafkaBroker;
import org.loghandlers.testing.Python;
import org.loghandlers.testing.TopicReader;
import org.loghandlers.testing.TopicReader.Message;

/** KafkaHandler against a real single-node broker on loopback, read back with a plain consumer. */
class KafkaHandlerTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger TOPICS = new AtomicInteger();

    private static KafkaBroker broker;

    private final List<KafkaHandler> handlers = new ArrayList<>();
    private final CountingErrorManager errors = new CountingErrorManager();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.startNew(Path.of("target", "kafka", "KafkaHandlerTest"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void closeHandlers() {
        handlers.forEach(KafkaHandler::close);
    }

    private String newTopic(int partitions) throws Exception {
        String topic = "handler-test-" + TOPICS.incrementAndGet();
        broker.createTopic(topic, partitions);
        return topic;
    }

    private KafkaHandler handler(String topic) {
        KafkaHandler handler = new KafkaHandler();
        handler.setErrorManager(errors);
        handler.setBootstrapServers(broker.bootstrapServers());
        handler.setTopic(topic);
        handlers.add(handler);
        return handler;
    }

    private static LogRecord record(Level level, String logger, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setParameters(parameters.length == 0 ? null : parameters);
        return record;
    }

    @Test
    void sendsEachRecordAsTheJsonFormattersObjectWithItsSenderAndSequenceInHeaders() throws Exception {
        String topic = newTopic(1);
        KafkaHandler handler = handler(topic);
        LogRecord plain = record(Level.INFO, "app.orders", "order placed");
        LogRecord withParameters = record(Level.WARNING, "app.orders", "order {0} late by {1} days", "A-7", 3);
        LogRecord withException = record(Level.SEVERE, "app.pay", "payment failed");
        withException.setThrown(new IllegalStateException("card declined"));
        List<LogRecord> sent = List.of(plain, withParameters, withException);
        sent.forEach(handler::publish);

        List<Message> messages = TopicReader.read(broker, topic, 3, READ_TIMEOUT);

        assertEquals(3, messages.size());
        JsonFormatter json = new JsonFormatter();
        String host = InetAddress.getLocalHost().getHostName();
        for (int i = 0; i < 3; i++) {
            Message message = messages.get(i);
            assertEquals(json.format(sent.get(i)), message.text());
            assertEquals(handler.getSenderId(), message.header(SenderHeaders.SENDER));
            assertEquals(host, message.header(SenderHeaders.HOST));
            assertEquals(Long.toString(ProcessHandle.current().pid()), message.header(SenderHeaders.PID));
            assertEquals(Integer.toString(i + 1), message.header(SenderHeaders.SEQUENCE));
            assertEquals("json", message.header(SenderHeaders.FORMAT));
            assertEquals(handler.getSenderId(), message.keyText(), "keyed by sender by default");
            assertEquals(sent.get(i).getMillis(), message.timestamp(), "the record's time is Kafka's timestamp");
        }
        assertTrue(messages.get(1).text().contains("\"message\":\"order A-7 late by 3 days\""));
        assertTrue(messages.get(2).text().contains("card declined"));
        assertEquals(new KafkaStatistics(handler.getName(), topic, 3, 3, 0), handler.getStatistics());
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void pythonIsThePickledDictThatCPythonsMakeLogRecordReadsBack(@TempDir Path work) throws Exception {
        String python = Python.interpreter();
        String topic = newTopic(1);
        KafkaHandler handler = handler(topic);
        handler.setFormat("python");
        LogRecord record = record(Level.WARNING, "app.orders", "order {0} late", "A-7");
        record.setThrown(new IllegalStateException("card declined"));
        handler.publish(record);

        Message message = TopicReader.read(broker, topic, 1, READ_TIMEOUT).get(0);
        String read = Python.run(String.join("\n",
                "import logging, pickle, sys",
                "r = logging.makeLogRecord(pickle.loads(bytes.fromhex(sys.argv[1])))",
                "print(r.name, r.levelname, r.levelno, r.getMessage(), r.process, r.threadName, sep='|')",
                "print(r.exc_text.splitlines()[0])"), work, java.util.Map.of(), hex(message.value()));

        assertEquals("python", message.header(SenderHeaders.FORMAT));
        assertEquals(List.of("app.orders|WARNING|30|order A-7 late|" + ProcessHandle.current().pid() + "|"
                + Thread.currentThread().getName(), "java.lang.IllegalStateException: card declined"),
                read.lines().toList(), "python " + python);
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }

    @Test
    void keysByLoggerByAnMdcValueOrNotAtAll() throws Exception {
        String topic = newTopic(1);
        KafkaHandler byLogger = handler(topic);
        byLogger.setKey("logger");
        KafkaHandler byMdc = handler(topic);
        byMdc.setKey("mdc:requestId");
        KafkaHandler none = handler(topic);
        none.setKey("none");

        byLogger.publish(record(Level.INFO, "app.orders", "by logger"));
        MDC.put("requestId", "r-42");
        try {
            ExtLogRecord inRequest = new ExtLogRecord(Level.INFO, "by mdc", ExtLogRecord.FormatStyle.NO_FORMAT,
                    KafkaHandlerTest.class.getName());
            inRequest.setLoggerName("app.web");
            byMdc.publish(inRequest);
        } finally {
            MDC.remove("requestId");
        }
        byMdc.publish(record(Level.INFO, "app.web", "by mdc, outside a request"));
        none.publish(record(Level.INFO, "app.orders", "no key"));

        List<Message> messages = TopicReader.read(broker, topic, 4, READ_TIMEOUT);

        assertEquals(4, messages.size());
        assertEquals("app.orders", find(messages, "by logger").keyText());
        assertEquals("r-42", find(messages, "\"by mdc\"").keyText());
        assertNull(find(messages, "outside a request").key());
        assertNull(find(messages, "no key").key());
    }

    @Test
    void textIsTheHandlersFormatterOrAPythonFormatStringInTheHandlersEncoding() throws Exception {
        String topic = newTopic(1);
        KafkaHandler formatString = handler(topic);
        formatString.setFormat("%(levelname)s:%(name)s:%(message)s");
        KafkaHandler text = handler(topic);
        text.setFormat("text");
        text.setEncoding("ISO-8859-1");

        formatString.publish(record(Level.WARNING, "app", "disk at {0}%", 91));
        text.publish(record(Level.INFO, "app", "café"));

        List<Message> messages = TopicReader.read(broker, topic, 2, READ_TIMEOUT);

        Message formatted = find(messages, "WARNING");
        assertEquals("WARNING:app:disk at 91%", formatted.text());
        assertEquals("text", formatted.header(SenderHeaders.FORMAT));
        Message encoded = messages.stream().filter(message -> message != formatted).findFirst().orElseThrow();
        assertArrayEquals("café".getBytes(StandardCharsets.ISO_8859_1), encoded.value(),
                "the default formatter's %(message)s in ISO-8859-1");
    }

    @Test
    void neverSendsRecordsOfKafkasOwnLoggersSoTheClientCannotLoopBackIntoIt() throws Exception {
        String topic = newTopic(1);
        KafkaHandler handler = handler(topic);
        handler.publish(record(Level.WARNING, "org.apache.kafka.clients.NetworkClient", "connection lost"));
        handler.publish(record(Level.INFO, "org.apache.kafkaesque", "not Kafka's"));

        List<Message> messages = TopicReader.read(broker, topic, 1, READ_TIMEOUT);

        assertEquals(1, messages.size());
        assertTrue(messages.get(0).text().contains("not Kafka's"));
        assertEquals(1, handler.getStatistics().accepted());
    }

    @Test
    void closeDeliversWhatIsStillGatheredInABatchWithoutWaitingForTheLinger() throws Exception {
        String topic = newTopic(1);
        KafkaHandler handler = handler(topic);
        handler.setKafkaProperties("linger.ms=60000,batch.size=1048576");
        for (int i = 0; i < 500; i++) {
            handler.publish(record(Level.INFO, "app", "record " + i));
        }
        long start = System.nanoTime();
        handler.close();
        long closeMillis = (System.nanoTime() - start) / 1_000_000;

        List<Message> messages = TopicReader.read(broker, topic, 500, READ_TIMEOUT);

        assertEquals(500, messages.size());
        assertTrue(closeMillis < 5_000, "close took " + closeMillis + " ms");
        assertEquals(500, handler.getStatistics().delivered());
    }

    @Test
    void refusesUnknownProducerPropertiesBadValuesAndThoseItSetsItself() {
        KafkaHandler handler = new KafkaHandler();
        IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class,
                () -> handler.setKafkaProperties("compresion.type=zstd"));
        assertTrue(misspelt.getMessage().contains("did you mean compression.type?"), misspelt.getMessage());
        IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class,
                () -> handler.setKafkaProperties("compression.type=zip"));
        assertTrue(badValue.getMessage().contains("zip") && badValue.getMessage().contains("zstd"),
                badValue.getMessage());
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class,
                () -> handler.setKafkaProperties("bootstrap.servers=k:9092"));
        assertTrue(own.getMessage().contains("bootstrap-servers"), own.getMessage());
        IllegalArgumentException weakAcks = assertThrows(IllegalArgumentException.class,
                () -> handler.setKafkaProperties("acks=1"));
        assertTrue(weakAcks.getMessage().contains("enable.idempotence=false"), weakAcks.getMessage());
        handler.setKafkaProperties("acks=1,enable.idempotence=false,sasl.jaas.config=secret-here");
        assertTrue(!handler.getKafkaProperties().contains("secret-here"), handler.getKafkaProperties());
        assertThrows(IllegalArgumentException.class, () -> handler.setKey("thread"));
        assertThrows(IllegalArgumentException.class, () -> handler.setFormat("jsn"));
        assertThrows(IllegalArgumentException.class, () -> handler.setTopic("logs/app"));
        assertThrows(IllegalArgumentException.class, () -> handler.setBootstrapServers("kafka1"));
        assertThrows(IllegalArgumentException.class, () -> handler.setMaxBlock("forever"));
    }

    private static Message find(List<Message> messages, String text) {
        return messages.stream().filter(message -> message.text().contains(text)).findFirst().orElseThrow(
                () -> new AssertionError("no message with " + text + " in " + messages.stream()
                        .map(Message::text).toList()));
    }
}
