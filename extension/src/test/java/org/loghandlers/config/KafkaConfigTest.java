package org.loghandlers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loghandlers.handlers.KafkaHandler;
import org.loghandlers.options.Durations;

/**
 * Type {@code kafka} from configuration keys: its own options, producer properties as
 * {@code loghandlers.handler.<name>.kafka.<property>}, and the problems a user reads. Nothing is sent: the producer is
 * made with the first record.
 */
class KafkaConfigTest {

    private final List<ConfigProblem> problems = new ArrayList<>();
    private Map<String, Handler> built = Map.of();

    @AfterEach
    void close() {
        HandlerAssembler.closeAll(built);
    }

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** Validates and builds as the extension does; the problems of both steps end up in {@link #problems}. */
    private Map<String, Handler> build(Map<String, String> properties) {
        LogHandlersConfig config = ConfigReader.read(properties, problems);
        ConfigValidator.Result validated = ConfigValidator.validate(config, getClass().getClassLoader());
        problems.addAll(validated.problems());
        if (!problems.isEmpty()) {
            return Map.of();
        }
        HandlerAssembler.Result result = HandlerAssembler.build(config, validated.handlerClasses(),
                getClass().getClassLoader());
        problems.addAll(result.problems());
        built = result.handlers();
        return built;
    }

    private List<String> described() {
        return problems.stream().map(ConfigProblem::describe).toList();
    }

    @Test
    void producerPropertiesAreOptionsOfTheirHandlerUnderKafkaAndEveryOptionIsApplied() {
        Map<String, Handler> handlers = build(props(
                "loghandlers.handler.central.type", "kafka",
                "loghandlers.handler.central.bootstrap-servers", "kafka1:9092,kafka2:9092",
                "loghandlers.handler.central.topic", "app-logs",
                "loghandlers.handler.central.key", "logger",
                "loghandlers.handler.central.format", "json",
                "loghandlers.handler.central.max-block", "250ms",
                "loghandlers.handler.central.close-timeout", "2s",
                "loghandlers.handler.central.level", "WARNING",
                "loghandlers.handler.central.kafka.compression.type", "zstd",
                "loghandlers.handler.central.kafka.linger.ms", "5",
                "loghandlers.handler.\"eu.central\".type", "kafka",
                "loghandlers.handler.\"eu.central\".kafka.acks", "all"));

        assertEquals(List.of(), described());
        KafkaHandler central = (KafkaHandler) handlers.get("central");
        assertEquals("central", central.getName());
        assertEquals("kafka1:9092,kafka2:9092", central.getBootstrapServers());
        assertEquals("app-logs", central.getTopic());
        assertEquals("logger", central.getKey());
        assertEquals("json", central.getFormat());
        assertEquals("250ms", central.getMaxBlock());
        assertEquals("2s", central.getCloseTimeout());
        assertEquals("WARNING", central.getLevel().getName());
        assertEquals("compression.type=zstd,linger.ms=5", central.getKafkaProperties());
        assertNull(central.getFormatter(), "format=json is the handler's own option, not a Python format string");
        assertEquals("acks=all", ((KafkaHandler) handlers.get("eu.central")).getKafkaProperties());
    }

    @Test
    void aPythonFormatStringInFormatSendsTheRecordsAsThatText() {
        Map<String, Handler> handlers = build(props(
                "loghandlers.handler.central.type", "kafka",
                "loghandlers.handler.central.format", "%(levelname)s %(message)s"));

        assertEquals(List.of(), described());
        assertEquals("%(levelname)s %(message)s", ((KafkaHandler) handlers.get("central")).getFormat());
    }

    @Test
    void aRefusedProducerPropertyIsReportedUnderItsOwnKeyAndASecretIsNeverRepeated() {
        build(props(
                "loghandlers.handler.central.type", "kafka",
                "loghandlers.handler.central.kafka.compresion.type", "zstd",
                "loghandlers.handler.central.kafka.compression.type", "zip",
                "loghandlers.handler.central.kafka.sasl.jaas.confg", "x required password=\"hunter2\";",
                "loghandlers.handler.central.kafka.max.block.ms", "10"));

        List<String> found = described();
        assertEquals(4, found.size(), String.join("\n", found));
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.handler.central.kafka.compresion.type=zstd:")
                && p.endsWith("did you mean compression.type?")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.handler.central.kafka.compression.type=zip:")
                && p.contains("zstd")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith(
                "loghandlers.handler.central.kafka.sasl.jaas.confg=(hidden):")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.handler.central.kafka.max.block.ms=10:")
                && p.contains("use the handler's option max-block")), found::toString);
        assertFalse(String.join("\n", found).contains("hunter2"), found::toString);
    }

    @Test
    void anUnknownOptionSuggestsTheClosestOfTypeKafka() {
        build(props(
                "loghandlers.handler.central.type", "kafka",
                "loghandlers.handler.central.bootstrap-server", "kafka1:9092"));

        List<String> found = described();
        assertEquals(1, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("loghandlers.handler.central.bootstrap-server=kafka1:9092: unknown option"
                + " for type kafka; accepted: ") && found.get(0).contains("kafka.<property>")
                && found.get(0).endsWith("did you mean bootstrap-servers?"), found::toString);
    }

    @Test
    void badValuesOfTheHandlersOwnOptionsSayWhatIsAccepted() {
        build(props(
                "loghandlers.handler.central.type", "kafka",
                "loghandlers.handler.central.format", "jsn",
                "loghandlers.handler.central.key", "thread",
                "loghandlers.handler.central.max-block", "forever"));

        List<String> found = described();
        assertEquals(3, found.size(), String.join("\n", found));
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.handler.central.format=jsn:")
                && p.contains("accepted: json, python, text, or a Python format string")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.handler.central.key=thread:")
                && p.contains("accepted: sender, logger, none or mdc:<key>")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.handler.central.max-block=forever:")
                && p.contains(Durations.ACCEPTED)), found::toString);
    }

    @Test
    void aKafkaReceiversOptionsAreCheckedAndASecretIsNeverRepeated() {
        LogHandlersConfig config = ConfigReader.read(props(
                "loghandlers.handler.sink.type", "null",
                "loghandlers.receiver.back.type", "kafka",
                "loghandlers.receiver.back.handlers", "sink",
                "loghandlers.receiver.back.group", "central",
                "loghandlers.receiver.back.kafka.max.poll.records", "100",
                "loghandlers.receiver.back.kafka.max.pol.records", "100",
                "loghandlers.receiver.back.kafka.sasl.jaas.confg", "x required password=\"hunter2\";",
                "loghandlers.receiver.back.kafka.group.id", "other"), problems);
        problems.addAll(ReceiverValidator.validate(config, getClass().getClassLoader()).problems());

        List<String> found = described();
        assertEquals(3, found.size(), String.join("\n", found));
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.receiver.back.kafka.max.pol.records=100:")
                && p.endsWith("did you mean max.poll.records?")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith(
                "loghandlers.receiver.back.kafka.sasl.jaas.confg=(hidden):")), found::toString);
        assertTrue(found.stream().anyMatch(p -> p.startsWith("loghandlers.receiver.back.kafka.group.id=other:")
                && p.contains("use the receiver's option group")), found::toString);
        assertFalse(String.join("\n", found).contains("hunter2"), found::toString);
    }
}
