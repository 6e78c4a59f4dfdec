package org.loghandlers.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Handler;

import org.junit.jupiter.api.Test;
import org.loghandlers.receivers.Receiver;
import org.loghandlers.receivers.SocketReceiver;

/** Receivers declared under {@code loghandlers.receiver.<name>.*}: read, checked with every problem at once, built. */
class ReceiverConfigTest {

    private final List<ConfigProblem> problems = new ArrayList<>();

    /** A receiver that passes {@code pass.<property>} through, as a Kafka receiver passes {@code kafka.<property>}. */
    public static class PassThroughReceiver extends Receiver {

        final Map<String, String> passed = new TreeMap<>();
        private int batch = 1;

        public void setBatch(int batch) {
            if (batch < 1) {
                throw new IllegalArgumentException("batch: " + batch + " is not positive; accepted: 1 or more");
            }
            this.batch = batch;
        }

        public int getBatch() {
            return batch;
        }

        @Override
        public Set<String> getOptionPrefixes() {
            return Set.of("pass.");
        }

        @Override
        public void setPrefixedOption(String option, String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException(option + ": empty; accepted: any text");
            }
            passed.put(option.substring("pass.".length()), value);
        }

        @Override
        protected void open() throws IOException {
        }

        @Override
        protected void receive(long maxNanos) {
        }

        @Override
        protected void wakeUp() {
        }

        @Override
        protected void finish() {
        }
    }

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private LogHandlersConfig read(Map<String, String> properties) {
        return ConfigReader.read(properties, problems);
    }

    private List<String> problemsOf(Map<String, String> properties) {
        LogHandlersConfig config = read(properties);
        problems.addAll(ReceiverValidator.validate(config, getClass().getClassLoader()).problems());
        return problems.stream().map(ConfigProblem::describe).toList();
    }

    @Test
    void readsReceiversWithDottedOptionsAndQuotedNames() {
        LogHandlersConfig config = read(props(
                "loghandlers.handler.file.type", "file",
                "loghandlers.receiver.central.type", "socket",
                "loghandlers.receiver.central.handlers", "file, other",
                "loghandlers.receiver.central.port", "9020",
                "loghandlers.receiver.\"eu.west\".class", PassThroughReceiver.class.getName(),
                "loghandlers.receiver.\"eu.west\".pass.fetch.min.bytes", "1"));
        assertEquals(List.of(), problems);
        ReceiverSpec central = config.receiver("central").orElseThrow();
        assertEquals("socket", central.type());
        assertEquals(Map.of("handlers", "file, other", "port", "9020"), central.options());
        assertEquals(List.of("file", "other"), central.handlers());
        ReceiverSpec west = config.receiver("eu.west").orElseThrow();
        assertEquals(Map.of("pass.fetch.min.bytes", "1"), west.options());
        assertEquals("loghandlers.receiver.\"eu.west\".pass.fetch.min.bytes", west.key("pass.fetch.min.bytes"));
        assertEquals(Set.of("file", "other"), config.receiverTargets());
    }

    @Test
    void reportsEveryReceiverProblemAtOnceWithKeyValueAndWhatIsAccepted() {
        List<String> found = problemsOf(props(
                "loghandlers.handler.central-file.type", "file",
                "loghandlers.receiver.a.type", "sockett",
                "loghandlers.receiver.a.handlers", "central-file",
                "loghandlers.receiver.b.type", "socket",
                "loghandlers.receiver.b.handlers", "central-fle",
                "loghandlers.receiver.b.prot", "9020",
                "loghandlers.receiver.b.port", "ninety",
                "loghandlers.receiver.b.enabled", "maybe",
                "loghandlers.receiver.c.type", "socket",
                "loghandlers.receiver.d.class", "java.lang.String",
                "loghandlers.receiver.d.handlers", "central-file",
                "loghandlers.receiver.e.handlers", "central-file",
                "loghandlers.receiver.x", "1",
                "loghandlers.recever.f.type", "socket"));
        List<String> expected = List.of(
                "loghandlers.receiver.a.type=sockett: unknown receiver type; accepted: socket, kafka, or a class name"
                        + " under loghandlers.receiver.a.class; did you mean socket?",
                "loghandlers.receiver.b.handlers=central-fle: no handler named central-fle is declared; declared:"
                        + " central-file; did you mean central-file?",
                "loghandlers.receiver.b.prot=9020: unknown option for receiver type socket; accepted: class, enabled,"
                        + " executor, format, handlers, host, max-connections, max-frame, port, type; did you mean"
                        + " port?",
                "loghandlers.receiver.b.port=ninety: accepted: an integer",
                "loghandlers.receiver.b.enabled=maybe: accepted: true or false",
                "loghandlers.receiver.c.handlers (not set): a receiver needs the names of the handlers it hands"
                        + " records to; accepted: a comma-separated list of handler names declared under"
                        + " loghandlers.handler.",
                "loghandlers.receiver.d.class=java.lang.String: not a concrete org.loghandlers.receivers.Receiver",
                "loghandlers.receiver.e.type (not set): every receiver needs a type (one of socket, kafka) or a class",
                "loghandlers.receiver.x=1: not a receiver option: loghandlers.receiver.<name>.<option> (a name with"
                        + " dots in quotes)",
                "loghandlers.recever.f.type=socket: unknown key; keys under loghandlers. start with"
                        + " loghandlers.handler., loghandlers.logger. or loghandlers.receiver.; did you mean"
                        + " loghandlers.receiver.f.type?");
        for (String problem : expected) {
            assertTrue(found.contains(problem), () -> "missing: " + problem + "\nin:\n" + String.join("\n", found));
        }
        assertEquals(expected.size(), found.size(), () -> String.join("\n", found));
    }

    @Test
    void kafkaIsAvailableWithKafkaClientsOnTheClassPath() {
        // Without it, type kafka is reported as needing it: KafkaClientsMissingTest, under a loader that hides it.
        List<String> found = problemsOf(props(
                "loghandlers.handler.f.type", "file",
                "loghandlers.receiver.k.type", "kafka",
                "loghandlers.receiver.k.handlers", "f"));
        assertEquals(List.of(), found);
        assertTrue(ReceiverTypes.isAvailable("kafka", getClass().getClassLoader()));
        assertTrue(ReceiverTypes.isAvailable("socket", getClass().getClassLoader()));
    }

    @Test
    void buildsEachReceiverWithItsOptionsPrefixedOptionsAndHandlers() {
        LogHandlersConfig config = read(props(
                "loghandlers.handler.f.type", "null",
                "loghandlers.handler.g.type", "null",
                "loghandlers.receiver.central.type", "socket",
                "loghandlers.receiver.central.handlers", "g,f",
                "loghandlers.receiver.central.host", "0.0.0.0",
                "loghandlers.receiver.central.port", "0",
                "loghandlers.receiver.central.format", "json",
                "loghandlers.receiver.central.max-frame", "4m",
                "loghandlers.receiver.relay.class", PassThroughReceiver.class.getName(),
                "loghandlers.receiver.relay.handlers", "f",
                "loghandlers.receiver.relay.batch", "5",
                "loghandlers.receiver.relay.pass.group.id", "central"));
        ReceiverValidator.Result validation = ReceiverValidator.validate(config, getClass().getClassLoader());
        assertEquals(List.of(), validation.problems());
        Map<String, Handler> handlers = HandlerAssembler.build(config,
                ConfigValidator.validate(config, getClass().getClassLoader()).handlerClasses(),
                getClass().getClassLoader()).handlers();
        ReceiverAssembler.Result built = ReceiverAssembler.build(config, validation.receiverClasses(), handlers,
                getClass().getClassLoader());
        assertEquals(List.of(), built.problems());
        SocketReceiver central = assertInstanceOf(SocketReceiver.class, built.receivers().get("central"));
        assertEquals("central", central.getName());
        assertEquals("0.0.0.0", central.getHost());
        assertEquals(0, central.getPort());
        assertEquals("json", central.getFormat());
        assertEquals(4L << 20, central.getMaxFrame());
        assertArrayEquals(new Handler[] {handlers.get("g"), handlers.get("f")}, central.getHandlers());
        PassThroughReceiver relay = assertInstanceOf(PassThroughReceiver.class, built.receivers().get("relay"));
        assertEquals(5, relay.getBatch());
        assertEquals(Map.of("group.id", "central"), relay.passed);
        assertEquals(List.of("central", "relay"), List.copyOf(built.receivers().keySet()));
    }

    @Test
    void aValueTheReceiverRefusesIsAProblemNamingTheKeyAndTheSettersReason() {
        LogHandlersConfig config = read(props(
                "loghandlers.handler.f.type", "null",
                "loghandlers.receiver.central.type", "socket",
                "loghandlers.receiver.central.handlers", "f",
                "loghandlers.receiver.central.format", "xml",
                "loghandlers.receiver.central.port", "70000",
                "loghandlers.receiver.relay.class", PassThroughReceiver.class.getName(),
                "loghandlers.receiver.relay.handlers", "f",
                "loghandlers.receiver.relay.pass.group.id", " "));
        ReceiverValidator.Result validation = ReceiverValidator.validate(config, getClass().getClassLoader());
        assertEquals(List.of("loghandlers.receiver.relay.pass.group.id= : pass.group.id: empty; accepted: any"
                + " text"), validation.problems().stream().map(ConfigProblem::describe).toList());
        Map<String, Handler> handlers = HandlerAssembler.build(config,
                ConfigValidator.validate(config, getClass().getClassLoader()).handlerClasses(),
                getClass().getClassLoader()).handlers();
        ReceiverAssembler.Result built = ReceiverAssembler.build(config, validation.receiverClasses(), handlers,
                getClass().getClassLoader());
        assertEquals(Map.of(), built.receivers());
        assertEquals(List.of(
                "loghandlers.receiver.central.format=xml: refused by SocketReceiver.setFormat: format: 'xml' is not a"
                        + " record format; accepted: python (the pickled records of Python's SocketHandler) or json"
                        + " (JSON lines, as JsonFormatter writes them)",
                "loghandlers.receiver.central.port=70000: refused by SocketReceiver.setPort: port: 70000 is out of"
                        + " range; accepted: 0 to 65535",
                "loghandlers.receiver.relay.pass.group.id= : pass.group.id: empty; accepted: any text"),
                built.problems().stream().map(ConfigProblem::describe).toList());
    }
}
