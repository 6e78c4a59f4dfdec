package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.cdi.LogHandler;
import org.loghandlers.handlers.SysLogHandler;

/**
 * Type {@code syslog} from {@code microprofile-config.properties}: built with every option applied, attached, and
 * its records received by a real UDP socket on loopback; a facility it does not know fails the deployment.
 */
@Tag(Containers.WELD_SE)
class SysLogTypeTest {

    @TempDir
    Path work;

    @Test
    void isBuiltWithItsOptionsAndItsRecordsReachTheDaemon() throws Exception {
        try (DatagramSocket daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                WeldDeployment deployment = WeldDeployment.deploy(work, """
                        loghandlers.handler.syslog.type=syslog
                        loghandlers.handler.syslog.address=127.0.0.1:%d
                        loghandlers.handler.syslog.socktype=udp
                        loghandlers.handler.syslog.facility=local3
                        loghandlers.handler.syslog.ident=shop:\\u0020
                        loghandlers.handler.syslog.append-nul=false
                        loghandlers.handler.syslog.protocol=rfc5424
                        loghandlers.handler.syslog.framing=non-transparent
                        loghandlers.handler.syslog.hostname=web-1
                        loghandlers.handler.syslog.app-name=shop
                        loghandlers.handler.syslog.procid=77
                        loghandlers.handler.syslog.msgid=ORDERS
                        loghandlers.handler.syslog.structured-data-id=shop@32473
                        loghandlers.handler.syslog.max-length=4096
                        loghandlers.handler.syslog.timeout=0.5
                        loghandlers.handler.syslog.retry-start=2
                        loghandlers.handler.syslog.retry-factor=3
                        loghandlers.handler.syslog.retry-max=60
                        loghandlers.handler.syslog.level=INFO
                        loghandlers.handler.syslog.format=%%(levelname)s %%(message)s
                        loghandlers.handler.syslog.loggers=tck.syslog
                        """.formatted(daemon.getLocalPort()))) {
            daemon.setSoTimeout(5000);
            SysLogHandler syslog = (SysLogHandler) deployment.container()
                    .select(Handler.class, LogHandler.Literal.of("syslog")).get();
            assertEquals("127.0.0.1:" + daemon.getLocalPort(), syslog.getAddress());
            assertEquals("udp", syslog.getSocktype());
            assertEquals("local3", syslog.getFacility());
            assertEquals("shop: ", syslog.getIdent());
            assertFalse(syslog.isAppendNul());
            assertEquals("rfc5424", syslog.getProtocol());
            assertEquals("non-transparent", syslog.getFraming());
            assertEquals("web-1", syslog.getHostname());
            assertEquals("shop", syslog.getAppName());
            assertEquals("77", syslog.getProcid());
            assertEquals("ORDERS", syslog.getMsgid());
            assertEquals("shop@32473", syslog.getStructuredDataId());
            assertEquals(4096, syslog.getMaxLength());
            assertEquals("500ms", syslog.getTimeout(), "a bare number is seconds, as Python's timeout");
            assertEquals("2s", syslog.getRetryStart());
            assertEquals(3.0, syslog.getRetryFactor());
            assertEquals("1m", syslog.getRetryMax());
            assertEquals(Level.INFO, syslog.getLevel());
            Logger logger = Logger.getLogger("tck.syslog");
            assertTrue(List.of(logger.getHandlers()).contains(syslog));

            logger.fine("below the level");
            logger.warning("stock low");
            DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
            daemon.receive(packet);
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertTrue(message.matches("<156>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\S+"
                    + " web-1 shop 77 ORDERS (-|\\[shop@32473 [^]]*\\]) shop: WARNING stock low"), message);
        }
    }

    @Test
    void anUnknownFacilityAndAnAddressWithoutPortFailTheDeploymentNamingKeyValueAndWhatIsAccepted() {
        DeploymentException failure = assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work, """
                loghandlers.handler.syslog.type=syslog
                loghandlers.handler.syslog.address=localhost
                loghandlers.handler.syslog.facility=locl0
                """).close());
        String message = failure.getMessage();
        assertTrue(message.contains("loghandlers.handler.syslog.facility=locl0: refused by SysLogHandler.setFacility:"
                + " facility: 'locl0' is not a syslog facility; expected one of kern, user, mail,"), message);
        assertTrue(message.contains("local7 or a number 0 to 23; did you mean local0?"), message);
        assertTrue(message.contains("loghandlers.handler.syslog.address=localhost: refused by SysLogHandler.setAddress:"
                + " address: 'localhost' has no port and no / (a Unix socket path); expected host:port"), message);
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }
}
