package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.cdi.LogReceiver;
import org.loghandlers.receivers.SocketReceiver;

/**
 * A socket receiver declared in {@code microprofile-config.properties} feeds a file handler: CPython 3.13's
 * SocketHandler frame (the reference's golden frame, sent by a Java client) ends up as a line in the file, written
 * with the sender's values; a stop drains into the file before it is closed; a bad receiver option fails the
 * deployment naming the key, the value and what is accepted.
 */
@Tag(Containers.WELD_SE)
class ReceiversTest {

    private static final byte[] GOLDEN_FRAME = goldenFrame();

    @TempDir
    Path work;

    private static byte[] goldenFrame() {
        try (InputStream in = ReceiversTest.class.getResourceAsStream("golden_socket_frame_py3.13.hex")) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.strip());
                }
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String centralConfiguration(Path file, String port) {
        return """
                loghandlers.handler.central-file.type=file
                loghandlers.handler.central-file.file-name=%s
                loghandlers.handler.central-file.format=%%(name)s %%(levelname)s %%(process)d %%(threadName)s %%(message)s
                loghandlers.receiver.central.type=socket
                loghandlers.receiver.central.host=127.0.0.1
                loghandlers.receiver.central.port=%s
                loghandlers.receiver.central.handlers=central-file
                """.formatted(Deployments.value(file), port);
    }

    private static List<String> awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= count) {
                    return lines;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the file did not get " + count + " lines in 20 s");
    }

    @Test
    void aSocketReceiverFeedsTheFileHandlerItNames() throws Exception {
        Path file = work.resolve("central.log");
        try (WeldDeployment deployment = WeldDeployment.deploy(work, centralConfiguration(file, "0"))) {
            SocketReceiver receiver = deployment.container().select(SocketReceiver.class,
                    LogReceiver.Literal.of("central")).get();
            assertTrue(receiver.isRunning());
            try (Socket sender = new Socket(InetAddress.getLoopbackAddress(), receiver.getLocalPort())) {
                sender.getOutputStream().write(GOLDEN_FRAME);
                assertEquals(List.of("tcp ERROR 1234 MainThread hello w\u00f6rld"), awaitLines(file, 1));
            }
            assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers(),
                    "a handler fed by a receiver and naming no loggers is attached to none");
        }
    }

    @Test
    void atShutdownTheReceiverDrainsIntoTheFileBeforeTheFileIsClosed() throws Exception {
        Path file = work.resolve("central.log");
        WeldDeployment deployment = WeldDeployment.deploy(work, centralConfiguration(file, "0"));
        SocketReceiver receiver = deployment.container().select(SocketReceiver.class,
                LogReceiver.Literal.of("central")).get();
        try (Socket sender = new Socket(InetAddress.getLoopbackAddress(), receiver.getLocalPort())) {
            OutputStream out = sender.getOutputStream();
            byte[] batch = new byte[GOLDEN_FRAME.length * 500];
            for (int i = 0; i < 500; i++) {
                System.arraycopy(GOLDEN_FRAME, 0, batch, i * GOLDEN_FRAME.length, GOLDEN_FRAME.length);
            }
            for (int i = 0; i < 10; i++) {
                out.write(batch);
            }
            out.flush();
            deployment.close();
        }
        assertFalse(receiver.isRunning());
        assertEquals(5000, Files.readAllLines(file, StandardCharsets.UTF_8).size());
    }

    @Test
    void badReceiverOptionsFailTheDeploymentNamingKeyValueAndWhatIsAccepted() {
        Path file = work.resolve("never.log");
        DeploymentException failure = assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work, """
                loghandlers.handler.central-file.type=file
                loghandlers.handler.central-file.file-name=%s
                loghandlers.receiver.central.type=socket
                loghandlers.receiver.central.port=ninety
                loghandlers.receiver.central.format=xml
                loghandlers.receiver.central.handlers=central-fil
                loghandlers.receiver.other.type=sokcet
                """.formatted(Deployments.value(file))).close());
        String message = failure.getMessage();
        for (String expected : List.of(
                "loghandlers.receiver.central.port=ninety: accepted: an integer",
                "loghandlers.receiver.central.handlers=central-fil: no handler named central-fil is declared;"
                        + " declared: central-file; did you mean central-file?",
                "loghandlers.receiver.other.type=sokcet: unknown receiver type; accepted: socket, kafka, or a class"
                        + " name under loghandlers.receiver.other.class; did you mean socket?")) {
            assertTrue(message.contains(expected), () -> "missing: " + expected + "\nin: " + message);
        }
        assertFalse(Files.exists(file), "nothing was built");

        DeploymentException refused = assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work, """
                loghandlers.handler.central-file.type=file
                loghandlers.handler.central-file.file-name=%s
                loghandlers.receiver.central.type=socket
                loghandlers.receiver.central.format=xml
                loghandlers.receiver.central.handlers=central-file
                """.formatted(Deployments.value(file))).close());
        assertTrue(refused.getMessage().contains("loghandlers.receiver.central.format=xml: refused by"
                + " SocketReceiver.setFormat: format: 'xml' is not a record format; accepted: python (the pickled"
                + " records of Python's SocketHandler) or json (JSON lines, as JsonFormatter writes them)"),
                refused.getMessage());
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }

    @Test
    void aPortInUseFailsTheDeploymentAndLeavesNoHandlerAttached() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            DeploymentException failure = assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work,
                    centralConfiguration(work.resolve("central.log"), String.valueOf(taken.getLocalPort())) + """
                            loghandlers.handler.app.type=file
                            loghandlers.handler.app.file-name=%s
                            loghandlers.handler.app.loggers=tck.receivers
                            """.formatted(Deployments.value(work.resolve("app.log")))).close());
            assertTrue(failure.getMessage().contains("loghandlers.receiver.central.type=socket: receiver central could"
                    + " not start: java.io.IOException: cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    failure.getMessage());
            assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers(), "the handlers started before were taken down");
        }
    }
}
