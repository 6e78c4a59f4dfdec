package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.cdi.LogHandler;
import org.loghandlers.cdi.LogReceiver;
import org.loghandlers.handlers.KafkaHandler;
import org.loghandlers.handlers.wire.SenderHeaders;
import org.loghandlers.receivers.KafkaReceiver;
import org.loghandlers.testing.KafkaBroker;
import org.loghandlers.testing.TopicReader;

/**
 * Type kafka from {@code microprofile-config.properties} on Weld SE against a real broker on loopback: a handler
 * with every option applied sends a logger's records to the topic, and a Kafka receiver declared beside it reads them
 * back into a file handler. Bad values fail the deployment naming key, value and what is accepted.
 */
@Tag(Containers.WELD_SE)
class KafkaTypeTest {

    private static KafkaBroker broker;

    @TempDir
    Path work;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.startNew(Path.of("target", "kafka",
                "KafkaTypeTest-" + System.getProperty("java.util.logging.manager", "jdk")));
        broker.createTopic("tck-logs", 2);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aKafkaHandlerWithItsOptionsSendsAndAKafkaReceiverWritesTheRecordsBackToAFile() throws Exception {
        Path file = work.resolve("central.log");
        Path state = work.resolve("central.state");
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.central.type=kafka
                loghandlers.handler.central.bootstrap-servers=%1$s
                loghandlers.handler.central.topic=tck-logs
                loghandlers.handler.central.key=logger
                loghandlers.handler.central.max-block=250ms
                loghandlers.handler.central.close-timeout=10s
                loghandlers.handler.central.kafka.compression.type=gzip
                loghandlers.handler.central.kafka.linger.ms=5
                loghandlers.handler.central.loggers=tck.kafka
                loghandlers.handler.central-file.type=file
                loghandlers.handler.central-file.file-name=%2$s
                loghandlers.handler.central-file.format=%%(name)s %%(levelname)s %%(message)s
                loghandlers.handler.central-file.loggers=none
                loghandlers.receiver.back.type=kafka
                loghandlers.receiver.back.bootstrap-servers=%1$s
                loghandlers.receiver.back.topic=tck-logs
                loghandlers.receiver.back.group=tck-%3$s
                loghandlers.receiver.back.handlers=central-file
                loghandlers.receiver.back.kafka.session.timeout.ms=6000
                loghandlers.receiver.back.state-file=%4$s
                """.formatted(broker.bootstrapServers(), file, System.nanoTime(), state))) {
            KafkaHandler central = (KafkaHandler) deployment.container()
                    .select(Handler.class, LogHandler.Literal.of("central")).get();
            assertEquals(broker.bootstrapServers(), central.getBootstrapServers());
            assertEquals("tck-logs", central.getTopic());
            assertEquals("logger", central.getKey());
            assertEquals("json", central.getFormat());
            assertEquals("250ms", central.getMaxBlock());
            assertEquals("10s", central.getCloseTimeout());
            assertEquals("compression.type=gzip,linger.ms=5", central.getKafkaProperties());
            KafkaReceiver back = deployment.container().select(KafkaReceiver.class, LogReceiver.Literal.of("back"))
                    .get();
            assertTrue(back.isRunning());
            assertEquals(state.toString(), back.getStateFile());

            String marker = "kafka from config " + System.nanoTime();
            Logger.getLogger("tck.kafka").warning(marker);

            TopicReader.Message message = TopicReader.readUntil(broker, "tck-logs",
                    read -> read.stream().anyMatch(m -> m.text().contains(marker)), Duration.ofSeconds(60))
                    .stream().filter(m -> m.text().contains(marker)).findFirst().orElseThrow();
            assertEquals("tck.kafka", message.keyText());
            assertEquals(central.getSenderId(), message.header(SenderHeaders.SENDER));
            assertTrue(message.text().contains("\"message\":\"" + marker + "\""), message.text());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(marker))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("tck.kafka WARNING " + marker),
                    "the receiver wrote the record back with the sender's logger and level");
            String sender = "sender " + central.getSenderId() + " ";
            while (!(Files.exists(state) && Files.readString(state, StandardCharsets.UTF_8).contains(sender))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.readString(state, StandardCharsets.UTF_8).contains(sender),
                    "the receiver saved its duplicate window, the sender in it");
        }
    }

    @Test
    void badValuesFailTheDeploymentNamingKeyValueAndWhatIsAccepted() {
        DeploymentException failure = assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work, """
                loghandlers.handler.central.type=kafka
                loghandlers.handler.central.format=jsn
                loghandlers.handler.central.kafka.compresion.type=zstd
                loghandlers.handler.central.loggers=none
                """).close());
        String message = failure.getMessage();
        for (String expected : List.of(
                "loghandlers.handler.central.format=jsn: refused by KafkaHandler.setFormat: format: 'jsn' is not a"
                        + " record format; accepted: json, python, text, or a Python format string",
                "loghandlers.handler.central.kafka.compresion.type=zstd: refused by KafkaHandler.setKafkaProperties:"
                        + " compresion.type: not a producer property",
                "did you mean compression.type?")) {
            assertTrue(message.contains(expected), () -> "missing: " + expected + "\nin: " + message);
        }
        DeploymentException receiver = assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work, """
                loghandlers.handler.sink.type=null
                loghandlers.receiver.back.type=kafka
                loghandlers.receiver.back.handlers=sink
                loghandlers.receiver.back.kafka.enable.auto.commit=true
                """).close());
        assertTrue(receiver.getMessage().contains("loghandlers.receiver.back.kafka.enable.auto.commit=true:"
                + " enable.auto.commit: not a pass-through property: the receiver commits itself"),
                receiver::getMessage);
        DeploymentException stateFile = assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work, """
                loghandlers.handler.sink.type=null
                loghandlers.receiver.back.type=kafka
                loghandlers.receiver.back.handlers=sink
                loghandlers.receiver.back.state-file=%s
                """.formatted(work)).close());
        assertTrue(stateFile.getMessage().contains("loghandlers.receiver.back.state-file=" + work + ": refused by"
                + " KafkaReceiver.setStateFile: stateFile: '" + work + "' is a directory; accepted: the path of a file"
                + " to create or replace"), stateFile::getMessage);
        assertTrue(!LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }
}
