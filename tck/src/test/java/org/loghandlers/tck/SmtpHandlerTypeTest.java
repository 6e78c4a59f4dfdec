package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.cdi.LogHandler;
import org.loghandlers.handlers.SmtpHandler;

/**
 * {@code type=smtp} declared in {@code microprofile-config.properties}: the handler has every option applied, logs
 * in and mails a record to a real SMTP server (GreenMail on loopback), sends its digest when the application stops,
 * and a bad value fails the deployment naming the key, the value and what is accepted, never a password.
 */
@Tag(Containers.WELD_SE)
class SmtpHandlerTypeTest {

    private static final String PASSWORD = "tck-Pa55word";

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(smtpOnLoopback())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@x.test", "alerts", PASSWORD));

    @TempDir
    Path work;

    private static ServerSetup smtpOnLoopback() {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        setup.setServerStartupTimeout(20_000);
        return setup;
    }

    private String properties() {
        return """
                loghandlers.handler.alerts.type=smtp
                loghandlers.handler.alerts.mailhost=127.0.0.1:%1$d
                loghandlers.handler.alerts.fromaddr=app@x.test
                loghandlers.handler.alerts.toaddrs=ops@y.test, "Dev, on call" <dev@z.test>
                loghandlers.handler.alerts.subject=tck alert
                loghandlers.handler.alerts.credentials=alerts:%2$s
                loghandlers.handler.alerts.timeout=2.5
                loghandlers.handler.alerts.max-mails-per-minute=30
                loghandlers.handler.alerts.level=SEVERE
                loghandlers.handler.alerts.format=%%(levelname)s %%(name)s: %%(message)s
                loghandlers.handler.alerts.loggers=tck.smtp
                loghandlers.handler.digest.type=smtp
                loghandlers.handler.digest.mailhost=127.0.0.1:%1$d
                loghandlers.handler.digest.fromaddr=app@x.test
                loghandlers.handler.digest.toaddrs=digest@y.test
                loghandlers.handler.digest.subject=tck digest
                loghandlers.handler.digest.flush-interval=3600
                loghandlers.handler.digest.digest-capacity=2
                loghandlers.handler.digest.loggers=tck.smtp.digest
                loghandlers.logger."tck.smtp".use-parent-handlers=false
                loghandlers.logger."tck.smtp.digest".use-parent-handlers=false
                """.formatted(SERVER.getSmtp().getPort(), PASSWORD);
    }

    private static List<MimeMessage> inbox(String address) {
        return SERVER.findReceivedMessages(user -> user.getEmail().equals(address), message -> true).toList();
    }

    @Test
    void anSmtpHandlerFromPropertiesHasItsOptionsLogsInAndMailsTheRecord() throws Exception {
        try (WeldDeployment deployment = WeldDeployment.deploy(work, properties())) {
            SmtpHandler alerts = (SmtpHandler) deployment.container()
                    .select(java.util.logging.Handler.class, LogHandler.Literal.of("alerts")).get();
            assertEquals("127.0.0.1:" + SERVER.getSmtp().getPort(), alerts.getMailhost());
            assertEquals("app@x.test", alerts.getFromaddr());
            assertEquals("ops@y.test, \"Dev, on call\" <dev@z.test>", alerts.getToaddrs());
            assertEquals("tck alert", alerts.getSubject());
            assertEquals("2500ms", alerts.getTimeout(), "a bare number is seconds, as Python's timeout");
            assertEquals(30, alerts.getMaxMailsPerMinute());
            assertFalse(alerts.toString().contains(PASSWORD));

            Logger logger = Logger.getLogger("tck.smtp");
            logger.warning("below the handler's level");
            logger.severe("disk full");

            assertTrue(SERVER.waitForIncomingEmail(15_000, 2));
            assertEquals(1, inbox("ops@y.test").size());
            assertEquals(1, inbox("dev@z.test").size());
            MimeMessage mail = inbox("ops@y.test").get(0);
            assertEquals("tck alert", mail.getSubject());
            assertEquals("app@x.test", mail.getHeader("From")[0]);
            assertEquals("ops@y.test,\"Dev, on call\" <dev@z.test>", mail.getHeader("To")[0]);
            assertEquals("ERROR tck.smtp: disk full", mail.getContent().toString().strip());
            assertEquals(2, SERVER.getReceivedMessages().length, "the warning was not mailed");

            Logger.getLogger("tck.smtp.digest").info("digest one");
            Logger.getLogger("tck.smtp.digest").info("digest two");
            Logger.getLogger("tck.smtp.digest").info("digest three");
            assertEquals(0, inbox("digest@y.test").size(), "a digest waits for its interval");
        }
        assertTrue(SERVER.waitForIncomingEmail(15_000, 3), "stopping the application sends the digest");
        MimeMessage digest = inbox("digest@y.test").get(0);
        assertEquals("tck digest (3 records)", digest.getSubject());
        assertEquals("digest one\r\ndigest two\r\n\r\nloghandlers: 1 record of this period is not included"
                + " (digest-capacity=2).", digest.getContent().toString().strip());
    }

    private String failureOf(String properties) {
        return assertThrows(DeploymentException.class, () -> WeldDeployment.deploy(work, properties).close())
                .getMessage();
    }

    @Test
    void valuesTheHandlerRefusesFailTheDeploymentNamingKeyValueAndWhatIsAcceptedButNeverThePassword() {
        String message = failureOf("""
                loghandlers.handler.mail.type=smtp
                loghandlers.handler.mail.mailhost=mail.example.com:99999
                loghandlers.handler.mail.fromaddr=app@x.test
                loghandlers.handler.mail.toaddrs=ops@y.test, bad@y.test\\nBcc: victim@evil.test
                loghandlers.handler.mail.secure=ssl
                loghandlers.handler.mail.credentials=alerts-without-colon-Secr3t
                """);
        for (String expected : List.of(
                "loghandlers.handler.mail.mailhost=mail.example.com:99999: refused by SmtpHandler.setMailhost:"
                        + " mailhost: 'mail.example.com:99999' is not a mail server address; accepted: a host name",
                "loghandlers.handler.mail.secure=ssl: refused by SmtpHandler.setSecure: secure: 'ssl' is not a"
                        + " connection security; accepted: none (plain SMTP), starttls",
                "loghandlers.handler.mail.toaddrs=ops@y.test, bad@y.test\nBcc: victim@evil.test: refused by"
                        + " SmtpHandler.setToaddrs: toaddrs: an address holds a line break",
                "loghandlers.handler.mail.credentials=(hidden): refused by SmtpHandler.setCredentials: credentials:"
                        + " the value (not shown) has no colon; accepted: user:password")) {
            assertTrue(message.contains(expected), () -> "missing: " + expected + "\nin: " + message);
        }
        assertFalse(message.contains("Secr3t"), message);
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }

    @Test
    void valuesThatDoNotConvertAndUnknownSmtpOptionsFailTheDeployment() {
        String message = failureOf("""
                loghandlers.handler.mail.type=smtp
                loghandlers.handler.mail.max-mails-per-minute=lots
                loghandlers.handler.mail.flush-intreval=60
                """);
        for (String expected : List.of(
                "loghandlers.handler.mail.max-mails-per-minute=lots: accepted: an integer",
                "loghandlers.handler.mail.flush-intreval=60: unknown option for type smtp; accepted:",
                "did you mean flush-interval?")) {
            assertTrue(message.contains(expected), () -> "missing: " + expected + "\nin: " + message);
        }
    }
}
