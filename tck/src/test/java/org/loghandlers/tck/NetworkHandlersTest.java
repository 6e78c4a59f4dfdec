package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.cdi.LogHandler;
import org.loghandlers.handlers.DatagramHandler;
import org.loghandlers.handlers.QueueHandler;
import org.loghandlers.handlers.SocketHandler;

/**
 * The socket and datagram handlers declared in {@code microprofile-config.properties}: built with every option,
 * the socket handler behind a queue as the docs recommend, and records delivered to real receivers on loopback.
 * Deployed on Weld SE from the test, so the receivers' ports can go into the configuration.
 */
@Tag(Containers.WELD_SE)
class NetworkHandlersTest {

    @TempDir
    Path work;

    private static Handler handler(WeldDeployment deployment, String name) {
        return deployment.container().select(Handler.class, LogHandler.Literal.of(name)).get();
    }

    @Test
    void socketAndDatagramHandlersHaveTheirOptionsAndDeliverToRealReceivers() throws Exception {
        try (FrameListener tcp = FrameListener.start();
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                WeldDeployment deployment = WeldDeployment.deploy(work, """
                        loghandlers.handler.ship.type=socket
                        loghandlers.handler.ship.host=127.0.0.1
                        loghandlers.handler.ship.port=%d
                        loghandlers.handler.ship.retry-start=0.5
                        loghandlers.handler.ship.retry-factor=3
                        loghandlers.handler.ship.retry-max=10
                        loghandlers.handler.ship.connect-timeout=750ms
                        loghandlers.handler.ship.write-timeout=2s
                        loghandlers.handler.ship.loggers=none
                        loghandlers.handler.async.type=queue
                        loghandlers.handler.async.handlers=ship
                        loghandlers.handler.async.loggers=tck.net
                        loghandlers.handler.udp.type=datagram
                        loghandlers.handler.udp.host=127.0.0.1
                        loghandlers.handler.udp.port=%d
                        loghandlers.handler.udp.format=json
                        loghandlers.handler.udp.level=WARNING
                        loghandlers.handler.udp.loggers=tck.net
                        """.formatted(tcp.port(), udp.getLocalPort()))) {
            SocketHandler ship = (SocketHandler) handler(deployment, "ship");
            assertEquals("127.0.0.1", ship.getHost());
            assertEquals(tcp.port(), ship.getPort());
            assertEquals("500ms", ship.getRetryStart(), "Python's seconds");
            assertEquals(3.0, ship.getRetryFactor());
            assertEquals("10s", ship.getRetryMax());
            assertEquals("750ms", ship.getConnectTimeout());
            assertEquals("2s", ship.getWriteTimeout());
            assertEquals("pickle", ship.getFormat());
            assertSame(ship, ((QueueHandler) handler(deployment, "async")).getHandlers()[0]);
            DatagramHandler datagrams = (DatagramHandler) handler(deployment, "udp");
            assertEquals(udp.getLocalPort(), datagrams.getPort());
            assertEquals("json", datagrams.getFormat());

            Logger logger = Logger.getLogger("tck.net");
            logger.info("info only over tcp");
            logger.warning("warning over both");

            String frame = tcp.awaitPayloadWith("warning over both");
            assertNotNull(frame, "the warning reached the TCP receiver through the queue");
            assertTrue(frame.startsWith("}"), "a protocol-1 pickle of the record's dictionary");
            assertNotNull(tcp.awaitPayloadWith("info only over tcp"));
            udp.setSoTimeout(10_000);
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            udp.receive(packet);
            String json = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"message\":\"warning over both\""), json);
            assertEquals(0, ship.getLostRecordCount());
            assertEquals(0, datagrams.getLostRecordCount());
        }
    }

    @Test
    void badPortsAndFormatsFailTheDeploymentNamingKeyValueAndWhatIsAccepted() {
        DeploymentException failure = assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work, """
                loghandlers.handler.ship.type=socket
                loghandlers.handler.ship.port=70000
                loghandlers.handler.ship.format=xml
                loghandlers.handler.udp.type=datagram
                loghandlers.handler.udp.port=0
                """).close());
        String message = failure.getMessage();
        for (String expected : List.of(
                "loghandlers.handler.ship.port=70000: refused by SocketHandler.setPort: port: 70000 is out of range;"
                        + " expected 1 to 65535, or 0 for a Unix socket whose path is host",
                "loghandlers.handler.ship.format=xml: refused by SocketHandler.setFormat: format: 'xml' is not a"
                        + " record format; expected pickle",
                "loghandlers.handler.udp.port=0: refused by DatagramHandler.setPort: port: 0 is out of range;"
                        + " expected 1 to 65535")) {
            assertTrue(message.contains(expected), () -> "missing: " + expected + "\nin: " + message);
        }
        assertTrue(!LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }
}
