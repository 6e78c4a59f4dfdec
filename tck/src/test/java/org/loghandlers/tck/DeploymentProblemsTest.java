package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken configuration fails the deployment, naming every problem at once, and starts nothing.
 *
 * <p>These tests deploy on Weld SE from the test instead of through Arquillian: Arquillian's
 * {@code @ShouldThrowException} checks only the exception's type, and the contract here is the message (the key,
 * the value, what is accepted). On WildFly or Payara the same messages appear in the server's deployment failure.
 */
@Tag(Containers.WELD_SE)
class DeploymentProblemsTest {

    @TempDir
    Path work;

    private String failureOf(String properties) {
        DeploymentException failure = assertThrows(DeploymentException.class,
                () -> WeldDeployment.deploy(work, properties).close());
        return failure.getMessage();
    }

    @Test
    void everyProblemIsReportedAtOnceAndNothingStarts() {
        Path file = work.resolve("never.log");
        LoggerSnapshot before = LoggerSnapshot.take();
        String message = failureOf("""
                loghandlers.handler.good.type=file
                loghandlers.handler.good.file-name=%s
                loghandlers.handler.audit.type=rotating-fle
                loghandlers.handler.main.type=file
                loghandlers.handler.main.file-nam=x.log
                loghandlers.handler.main.level=LOUD
                loghandlers.handler.fwd.class=org.loghandlers.tck.ForwardingHandler
                loghandlers.handler.fwd.target=mian
                loghandlers.logger."com.acme".levle=FINE
                """.formatted(Deployments.value(file)));
        for (String expected : List.of(
                "loghandlers.handler.audit.type=rotating-fle: unknown handler type; accepted: stream, file, null,",
                "did you mean rotating-file?",
                "loghandlers.handler.main.file-nam=x.log: unknown option for type file; accepted:",
                "did you mean file-name?",
                "loghandlers.handler.main.level=LOUD: unknown level; accepted: a level name",
                "loghandlers.handler.fwd.target=mian: no handler named mian is declared; declared: audit, fwd, good,"
                        + " main; did you mean main?",
                "loghandlers.logger.\"com.acme\".levle=FINE: unknown logger option; accepted: level,"
                        + " use-parent-handlers; did you mean level?")) {
            assertTrue(message.contains(expected), () -> "missing: " + expected + "\nin: " + message);
        }
        assertFalse(Files.exists(file), "a valid handler is not built when another one is broken");
        assertEquals(Map.of(), LoggerSnapshot.take().differencesFrom(before));
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }

    @Test
    void aValueTheHandlerRefusesFailsTheDeploymentWithTheHandlersReason() {
        String message = failureOf("""
                loghandlers.handler.audit.type=rotating-file
                loghandlers.handler.audit.file-name=%s
                loghandlers.handler.audit.max-bytes=-1
                loghandlers.handler.audit.mode=x
                """.formatted(Deployments.value(work.resolve("audit.log"))));
        assertTrue(message.contains("loghandlers.handler.audit.max-bytes=-1: refused by RotatingFileHandler."
                + "setMaxBytes: maxBytes: -1 is negative"), message);
        assertTrue(message.contains("loghandlers.handler.audit.mode=x: refused by"), message);
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }

    @Test
    void anHttpHandlerRefusesAnUnknownMethodAndNeverShowsItsCredentials() {
        String message = failureOf("""
                loghandlers.handler.ship.type=http
                loghandlers.handler.ship.host=127.0.0.1:9022
                loghandlers.handler.ship.url=/log
                loghandlers.handler.ship.method=PUT
                loghandlers.handler.ship.credentials=token-without-user
                loghandlers.handler.ship.format=xml
                """);
        for (String expected : List.of(
                "loghandlers.handler.ship.method=PUT: refused by HttpHandler.setMethod: method: 'PUT' is not"
                        + " accepted; accepted: GET or POST",
                "loghandlers.handler.ship.credentials=(hidden): refused by HttpHandler.setCredentials:",
                "accepted: user:password",
                "loghandlers.handler.ship.format=xml: refused by HttpHandler.setFormat: format: 'xml' is not"
                        + " accepted; accepted: form")) {
            assertTrue(message.contains(expected), () -> "missing: " + expected + "\nin: " + message);
        }
        assertFalse(message.contains("token-without-user"), message);
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }

    @Test
    void anSmtpOrHttpHandlerWithoutTheOptionsItCannotWorkWithoutFailsTheDeployment() {
        String message = failureOf("""
                loghandlers.handler.mail.type=smtp
                loghandlers.handler.mail.mailhost=127.0.0.1:2525
                loghandlers.handler.mail.toaddrs=ops@y.test
                loghandlers.handler.ship.type=http
                """);
        for (String expected : List.of(
                "loghandlers.handler.mail.fromaddr (not set): required: the sender's address, such as"
                        + " app@example.com",
                "loghandlers.handler.ship.host (not set): required: the server, host or host:port",
                "loghandlers.handler.ship.url (not set): required: the path requests go to, such as /log")) {
            assertTrue(message.contains(expected), () -> "missing: " + expected + "\nin: " + message);
        }
        assertFalse(message.contains("mail.toaddrs"), message);
        assertFalse(LoggerSnapshot.anyLoggerHoldsOurHandlers());
    }

    @Test
    void handlersPassingRecordsInACycleFailTheDeployment() {
        String message = failureOf("""
                loghandlers.handler.a.class=org.loghandlers.tck.ForwardingHandler
                loghandlers.handler.a.target=b
                loghandlers.handler.b.class=org.loghandlers.tck.ForwardingHandler
                loghandlers.handler.b.target=a
                """);
        assertTrue(message.contains("loghandlers.handler.a.target=b: handlers pass records to each other in a cycle:"
                + " a -> b -> a"), message);
    }

    @Test
    void aClassThatIsNotAHandlerAndBadCommonOptionsAreReported() {
        String message = failureOf("""
                loghandlers.handler.a.class=java.lang.String
                loghandlers.handler.b.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.b.filter=com.acme.NoSuchFilter
                loghandlers.handler.b.encoding=NOT-A-CHARSET
                loghandlers.handler.b.enabled=yes
                loghandlers.handler.b.loggers=none,com.acme
                loghandlers.handler.c.level=INFO
                loghandlers.handler.d.type=file
                loghandlers.handler.d.class=org.loghandlers.tck.CapturingHandler
                """);
        for (String expected : List.of(
                "loghandlers.handler.a.class=java.lang.String: not a concrete java.util.logging.Handler",
                "loghandlers.handler.b.filter=com.acme.NoSuchFilter: accepted: the name of a class implementing"
                        + " java.util.logging.Filter",
                "loghandlers.handler.b.encoding=NOT-A-CHARSET: accepted: a charset name",
                "loghandlers.handler.b.enabled=yes: accepted: true or false",
                "loghandlers.handler.b.loggers=none,com.acme: accepted: a comma-separated list of logger names",
                "loghandlers.handler.c.type (not set): every handler needs a type",
                "loghandlers.handler.d.class=org.loghandlers.tck.CapturingHandler: set either type or class")) {
            assertTrue(message.contains(expected), () -> "missing: " + expected + "\nin: " + message);
        }
    }
}
