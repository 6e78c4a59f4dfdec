package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import javax.net.ssl.SSLContext;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import org.loghandlers.testing.LoopbackMailServers;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.ReceivedMail;
import org.loghandlers.testing.LoopbackCertificates;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * {@link SmtpHandler} over TLS, against real servers on loopback with certificates made for the test: implicit TLS
 * with GreenMail's SMTPS, and STARTTLS with AUTH with SubEthaSMTP (GreenMail has no STARTTLS). The handler trusts
 * only its trust store and checks the server's name; it never falls back to plain text.
 */
class SmtpHandlerTlsTest {

    private static final String PASSWORD = "tls-Pa55word";

    static {
        // GreenMail reads its key store once per JVM, when its first TLS server starts.
        System.setProperty("greenmail.tls.keystore.file", LoopbackCertificates.loopbackKeyStore().toString());
        System.setProperty("greenmail.tls.keystore.password", LoopbackCertificates.PASSWORD);
        System.setProperty("greenmail.tls.key.password", LoopbackCertificates.PASSWORD);
    }

    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(LoopbackMailServers.smtps());

    /** What SubEthaSMTP received: the envelope and the raw message. */
    private record Delivery(String from, String to, byte[] data) {

        ReceivedMail mail() throws Exception {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(data));
            return ReceivedMail.of(message);
        }
    }

    private final CountingErrorManager errors = new CountingErrorManager();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private SMTPServer subetha;
    private SmtpHandler handler;

    @AfterEach
    void stop() {
        if (handler != null) {
            handler.close();
        }
        if (subetha != null) {
            subetha.stop();
        }
    }

    private static void trust(SmtpHandler smtp, java.nio.file.Path trustStore) {
        smtp.setTrustStore(trustStore.toString());
        smtp.setTrustStorePassword(LoopbackCertificates.PASSWORD);
        smtp.setTrustStoreType("PKCS12");
    }

    private SmtpHandler handler(int port, String secure) {
        handler = new SmtpHandler("127.0.0.1:" + port, "app@x.test", "ops@y.test", "TLS alert");
        handler.setSecure(secure);
        handler.setErrorManager(errors);
        return handler;
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setLoggerName("app");
        return record;
    }

    /** SubEthaSMTP requiring STARTTLS (with the loopback certificate) and then AUTH, before it takes any mail. */
    private int startTlsServer() {
        subetha = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .startTlsSocketFactory(LoopbackCertificates.loopbackServerContext())
                .requireTLS()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!user.equals("alerts") || !password.equals(PASSWORD)) {
                        throw new LoginFailedException();
                    }
                }))
                .requireAuth()
                .simpleMessageListener(collector())
                .build();
        subetha.start();
        return subetha.getPortAllocated();
    }

    /** Keeps one delivery per recipient. */
    private SimpleMessageListener collector() {
        return new SimpleMessageListener() {
            @Override
            public boolean accept(String from, String recipient) {
                return true;
            }

            @Override
            public void deliver(String from, String recipient, InputStream data) throws IOException {
                deliveries.add(new Delivery(from, recipient, data.readAllBytes()));
            }
        };
    }

    /** SubEthaSMTP speaking TLS from the first byte with {@code context}'s certificate. */
    private int implicitTlsServer(SSLContext context) {
        subetha = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .serverSocketFactory(context)
                .simpleMessageListener(collector())
                .build();
        subetha.start();
        return subetha.getPortAllocated();
    }

    private void awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (deliveries.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, deliveries.size());
    }

    @Test
    void implicitTlsDeliversToAServerTheTrustStoreVouchesFor() {
        SmtpHandler smtp = handler(SMTPS.getSmtps().getPort(), "tls");
        trust(smtp, LoopbackCertificates.loopbackTrustStore());
        smtp.publish(record("over TLS"));

        assertTrue(SMTPS.waitForIncomingEmail(10_000, 1));
        assertEquals("over TLS", ReceivedMail.of(SMTPS.getReceivedMessages()[0]).textWithLf());
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void aTrustStoreWithAWrongPasswordIsReportedWithoutThePassword() {
        SmtpHandler smtp = handler(SMTPS.getSmtps().getPort(), "tls");
        smtp.setTrustStore(LoopbackCertificates.loopbackTrustStore().toString());
        smtp.setTrustStorePassword("not-the-Pa55word");
        smtp.publish(record("not with that password"));
        SmtpHandlerTest.awaitLost(smtp, 1);

        assertEquals(0, SMTPS.getReceivedMessages().length);
        assertEquals(1, errors.count());
        String message = errors.reports().get(0).message();
        assertTrue(message.contains("loading the trust store " + LoopbackCertificates.loopbackTrustStore()), message);
        assertFalse(message.contains("not-the-Pa55word"), message);
        assertFalse(smtp.toString().contains("not-the-Pa55word"));
    }

    @Test
    void aServerTheTrustStoreDoesNotVouchForGetsNothing() {
        SmtpHandler smtp = handler(SMTPS.getSmtps().getPort(), "tls");
        trust(smtp, LoopbackCertificates.strangerTrustStore());
        smtp.publish(record("must not leave"));
        SmtpHandlerTest.awaitLost(smtp, 1);

        assertEquals(0, SMTPS.getReceivedMessages().length);
        assertEquals(1, errors.count());
        assertEquals(ErrorManager.OPEN_FAILURE, errors.reports().get(0).code());
        assertTrue(errors.reports().get(0).message().contains("could not connect over tls"),
                errors.reports().get(0).message());
    }

    @Test
    void startTlsThenAuthDeliversAndTheServerSawNoPlainTextMail() throws Exception {
        int port = startTlsServer();
        SmtpHandler smtp = handler(port, "starttls");
        trust(smtp, LoopbackCertificates.loopbackTrustStore());
        smtp.setCredentials("alerts:" + PASSWORD);
        smtp.setToaddrs("ops@y.test, dev@z.test");
        smtp.publish(record("over STARTTLS \u2713"));

        awaitDeliveries(2);
        assertEquals(List.of("app@x.test", "app@x.test"), deliveries.stream().map(Delivery::from).toList());
        assertEquals(List.of("ops@y.test", "dev@z.test"), deliveries.stream().map(Delivery::to).toList(),
                "one RCPT TO for each address, in order");
        ReceivedMail mail = deliveries.get(0).mail();
        assertEquals("TLS alert", mail.only("Subject"));
        assertEquals("ops@y.test,dev@z.test", mail.only("To"));
        assertEquals("over STARTTLS \u2713", mail.textWithLf().strip());
        assertEquals("8bit", mail.only("Content-Transfer-Encoding"), "SubEthaSMTP offers 8BITMIME, as Python assumes");
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void startTlsWithAWrongPasswordIsRefusedAndReportedOnce() {
        int port = startTlsServer();
        SmtpHandler smtp = handler(port, "starttls");
        trust(smtp, LoopbackCertificates.loopbackTrustStore());
        smtp.setCredentials("alerts:not-" + PASSWORD);
        smtp.publish(record("one"));
        smtp.publish(record("two"));
        SmtpHandlerTest.awaitLost(smtp, 2);

        assertEquals(0, deliveries.size());
        assertEquals(1, errors.count());
        assertTrue(errors.reports().get(0).message().contains("refused the login of user alerts"));
    }

    @Test
    void startTlsIsRequiredSoAServerWithoutItGetsNothing() {
        GreenMail server = new GreenMail(LoopbackMailServers.smtp());
        server.start();
        try {
            SmtpHandler smtp = handler(server.getSmtp().getPort(), "starttls");
            smtp.publish(record("must not go out in plain text"));
            SmtpHandlerTest.awaitLost(smtp, 1);

            assertEquals(0, server.getReceivedMessages().length);
            assertEquals(1, errors.count());
            assertTrue(errors.reports().get(0).message().contains("could not connect over starttls"),
                    errors.reports().get(0).message());
        } finally {
            server.stop();
        }
    }

    @Test
    void theServersNameIsCheckedUnlessCheckServerIdentityIsOff() throws Exception {
        int port = implicitTlsServer(LoopbackCertificates.strangerServerContext());
        SmtpHandler smtp = handler(port, "tls");
        trust(smtp, LoopbackCertificates.strangerTrustStore());
        smtp.publish(record("to a certificate for stranger.example"));
        SmtpHandlerTest.awaitLost(smtp, 1);
        assertEquals(0, deliveries.size(), "trusted, but it does not name 127.0.0.1");

        smtp.setCheckServerIdentity(false);
        smtp.publish(record("pinned by the trust store"));
        awaitDeliveries(1);
        assertTrue(deliveries.get(0).mail().textWithLf().startsWith("pinned by the trust store"));
    }

    @Test
    void credentialsForAServerThatOffersNoAuthSendNothingAsInPython() {
        subetha = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .simpleMessageListener(collector())
                .build();
        subetha.start();
        SmtpHandler smtp = handler(subetha.getPortAllocated(), "none");
        smtp.setCredentials("alerts:" + PASSWORD);
        smtp.publish(record("not without logging in"));
        SmtpHandlerTest.awaitLost(smtp, 1);

        assertEquals(0, deliveries.size());
        assertEquals(1, errors.count());
        assertTrue(errors.reports().get(0).message().contains("the server does not offer AUTH"),
                errors.reports().get(0).message());
    }
}
