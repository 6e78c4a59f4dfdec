package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.HttpReceiver;
import org.loghandlers.testing.LoopbackCertificates;

/** HTTPS to a receiver with a self-signed certificate made for the test: trusted through the trust store only. */
class HttpHandlerTlsTest {

    private static HttpReceiver receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = HttpReceiver.startTls(LoopbackCertificates.loopbackKeyStore(), LoopbackCertificates.PASSWORD);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static HttpHandler secureHandler(CountingErrorManager errors) {
        HttpHandler handler = new HttpHandler(receiver.host(), "/secure", "POST");
        handler.setErrorManager(errors);
        handler.setSecure(true);
        handler.setRetryDelay("10ms");
        return handler;
    }

    @Test
    void deliversOverHttpsWhenTheTrustStoreHoldsTheServersCertificate() throws Exception {
        CountingErrorManager errors = new CountingErrorManager();
        HttpHandler handler = secureHandler(errors);
        handler.setTrustStore(LoopbackCertificates.loopbackTrustStore().toString());
        handler.setTrustStorePassword(LoopbackCertificates.PASSWORD);
        handler.setTrustStoreType("PKCS12");
        handler.setCredentials("alice:over-tls");
        int before = receiver.requests().size();
        handler.publish(new LogRecord(Level.WARNING, "over TLS"));
        handler.close();
        List<HttpReceiver.Request> requests = receiver.awaitRequests(before + 1, Duration.ofSeconds(10));
        HttpReceiver.Request request = requests.get(requests.size() - 1);
        assertEquals("over TLS", request.form().get("msg"));
        assertEquals("Basic YWxpY2U6b3Zlci10bHM=", request.header("Authorization"));
        assertEquals(0, errors.count(), "no warning for credentials over HTTPS: " + errors.reports());
        assertTrue(handler.toString().contains("https://127.0.0.1:"), handler.toString());
    }

    @Test
    void aCertificateTheJdkDoesNotTrustIsAFailureReportedOnce() {
        CountingErrorManager errors = new CountingErrorManager();
        HttpHandler handler = secureHandler(errors);
        handler.publish(new LogRecord(Level.WARNING, "untrusted 1"));
        handler.publish(new LogRecord(Level.WARNING, "untrusted 2"));
        handler.close();
        assertEquals(2, handler.getLostRecordCount());
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        String report = errors.reports().get(0).message();
        assertTrue(report.contains("could not deliver a record") && report.contains("SSLHandshakeException"), report);
    }

    @Test
    void aTrustStoreThatCannotBeReadIsReportedWithoutItsPassword() {
        CountingErrorManager errors = new CountingErrorManager();
        HttpHandler handler = secureHandler(errors);
        handler.setTrustStore(LoopbackCertificates.loopbackTrustStore().toString());
        handler.setTrustStorePassword("wrong-password-123");
        handler.publish(new LogRecord(Level.WARNING, "no trust"));
        handler.close();
        assertEquals(1, handler.getLostRecordCount());
        String report = errors.reports().get(0).message();
        assertTrue(report.contains("loading the trust store " + LoopbackCertificates.loopbackTrustStore() + " (PKCS12) failed"), report);
        assertTrue(!report.contains("wrong-password-123") && !handler.toString().contains("wrong-password-123"));
    }
}
