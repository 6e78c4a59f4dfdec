package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.loghandlers.testing.LoopbackMailServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.ReceivedMail;

/**
 * {@link SmtpHandler} as Python's SMTPHandler, against a real SMTP server (GreenMail on loopback): one mail per
 * record with Python's envelope, headers and text, logging in with credentials, and what happens to bad values.
 */
class SmtpHandlerTest {

    private static final String PASSWORD = "s3cret-Pa55word";

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(LoopbackMailServers.smtp())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@x.test", "alerts", PASSWORD));

    private final CountingErrorManager errors = new CountingErrorManager();
    private SmtpHandler handler;

    private SmtpHandler handler(String toaddrs) {
        handler = new SmtpHandler("127.0.0.1:" + SERVER.getSmtp().getPort(), "me@x.test", toaddrs, "Log subj");
        handler.setErrorManager(errors);
        return handler;
    }

    @AfterEach
    void close() {
        if (handler != null) {
            handler.close();
        }
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setLoggerName("app");
        return record;
    }

    private static List<ReceivedMail> received(int count) {
        assertTrue(SERVER.waitForIncomingEmail(10_000, count), "expected " + count + " mails");
        return java.util.Arrays.stream(SERVER.getReceivedMessages()).map(ReceivedMail::of).toList();
    }

    @Test
    void mailsEachRecordWithPythonsEnvelopeHeadersAndText() throws Exception {
        handler("you@y.test, them@z.test").publish(record("Hello \u2713"));

        List<ReceivedMail> mails = received(2);
        assertEquals(2, mails.size(), "one copy for each recipient");
        assertEquals(1, inbox(SERVER, "you@y.test").size());
        assertEquals(1, inbox(SERVER, "them@z.test").size());
        ReceivedMail mail = mails.get(0);
        assertEquals("me@x.test", mail.only("From"));
        assertEquals("you@y.test,them@z.test", mail.only("To"), "Python joins toaddrs with a comma, no space");
        assertEquals("Log subj", mail.only("Subject"));
        assertEquals("Hello \u2713", mail.textWithLf(), "the formatted record (the server drops the last CRLF, as"
                + " in Python's test)");
        assertTrue(mail.only("Content-Type").toLowerCase(Locale.ROOT).matches("text/plain; charset=\"?utf-8\"?"),
                mail.only("Content-Type"));
        assertEquals(List.of("From", "To", "Subject", "Date", "Content-Type", "Content-Transfer-Encoding",
                "MIME-Version", "Message-ID"), mail.headerNamesAsSent(), "Python's order, then a Message-ID");

        String date = mail.only("Date");
        assertTrue(date.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}"),
                "Python's email.utils.format_datetime: " + date);
        ZonedDateTime sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertTrue(Math.abs(ChronoUnit.SECONDS.between(sent, ZonedDateTime.now())) < 60, date);
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void theLoggingCallReturnsWithTheMailAlreadyAcceptedAsInPython() {
        handler("you@y.test").publish(record("at once"));

        assertEquals(1, SERVER.getReceivedMessages().length, "sent before publish returned");
        assertEquals(1, handler.getSentMailCount());
    }

    @Test
    void formatsWithTheHandlersFormatterAndATracebackFollowsTheMessage() {
        SmtpHandler smtp = handler("you@y.test");
        smtp.setFormatter(new PythonFormatter("%(levelname)s:%(name)s:%(message)s"));
        LogRecord record = record("failed");
        record.setThrown(new IllegalStateException("boom"));
        smtp.publish(record);

        String text = received(1).get(0).textWithLf();
        assertTrue(text.startsWith("ERROR:app:failed\n"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: boom"), text);
    }

    @Test
    void logsInWithTheCredentials() {
        SmtpHandler smtp = handler("you@y.test");
        smtp.setCredentials("alerts:" + PASSWORD);
        smtp.publish(record("authenticated"));

        assertEquals("authenticated", received(1).get(0).textWithLf());
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void aRefusedLoginIsReportedOnceAndThePasswordAppearsNowhere() {
        SmtpHandler smtp = handler("you@y.test");
        String wrong = "Wr0ng-" + PASSWORD;
        smtp.setCredentials("alerts:" + wrong);
        for (int i = 0; i < 3; i++) {
            smtp.publish(record("refused " + i));
        }
        awaitLost(smtp, 3);

        assertEquals(0, SERVER.getReceivedMessages().length);
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        CountingErrorManager.Report report = errors.reports().get(0);
        assertEquals(ErrorManager.OPEN_FAILURE, report.code());
        assertTrue(report.message().contains("refused the login of user alerts"), report.message());
        for (Throwable cause = report.cause(); cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause).contains(wrong), "a cause shows the password: " + cause);
        }
        assertFalse(report.message().contains(wrong));
        assertFalse(smtp.toString().contains(wrong));
        assertFalse(smtp.settings().toString().contains(wrong));
    }

    @Test
    void aBadCredentialsValueIsRefusedWithoutRepeatingIt() {
        SmtpHandler smtp = new SmtpHandler();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> smtp.setCredentials("no-colon-Pa55word"));
        assertFalse(refused.getMessage().contains("Pa55word"), refused.getMessage());
        assertTrue(refused.getMessage().contains("accepted: user:password"), refused.getMessage());
        smtp.close();
    }

    @Test
    void withoutFromaddrNothingIsMailedAndThatIsReportedOnce() {
        SmtpHandler smtp = new SmtpHandler();
        smtp.setErrorManager(errors);
        smtp.setMailhost("127.0.0.1:" + SERVER.getSmtp().getPort());
        smtp.setToaddrs("you@y.test");
        smtp.publish(record("one"));
        smtp.publish(record("two"));
        smtp.close();

        assertEquals(1, errors.count());
        assertTrue(errors.reports().get(0).message().contains("fromaddr is not set"));
        assertEquals(0, SERVER.getReceivedMessages().length);
    }

    @Test
    void recordsPublishedAfterCloseAreIgnored() {
        SmtpHandler smtp = handler("you@y.test");
        smtp.close();
        smtp.publish(record("late"));
        smtp.close();

        assertEquals(0, SERVER.getReceivedMessages().length);
        assertEquals(0, errors.count());
    }

    @Test
    void theLevelAndFilterChooseWhatIsMailedAndHandleIgnoresOnlyTheLevel() {
        SmtpHandler smtp = handler("you@y.test");
        smtp.setLevel(Level.SEVERE);
        smtp.setFilter(r -> !r.getMessage().contains("secret"));
        smtp.publish(new LogRecord(Level.INFO, "too low"));
        smtp.publish(record("secret"));
        smtp.handle(new LogRecord(Level.INFO, "via a memory handler"));
        smtp.publish(record("mailed"));

        List<String> texts = received(2).stream().map(ReceivedMail::textWithLf).sorted().toList();
        assertEquals(List.of("mailed", "via a memory handler"), texts);
    }

    @Test
    void optionsRefuseBadValuesNamingTheValueAndWhatIsAccepted() {
        SmtpHandler smtp = new SmtpHandler();
        assertRefused(() -> smtp.setMailhost("mail.example.com:70000"), "70000", "accepted: a host name");
        assertRefused(() -> smtp.setMailhost("user@mail.example.com"), "user@mail.example.com", "accepted:");
        assertRefused(() -> smtp.setSecure("ssl"), "'ssl'", "accepted: none");
        assertRefused(() -> smtp.setTimeout("0"), "timeout: '0' is out of range", "accepted: a number of seconds");
        assertRefused(() -> smtp.setFlushInterval("-1"), "flushInterval: '-1'", "accepted: a number of seconds");
        assertRefused(() -> smtp.setFlushInterval("2d"), "flushInterval: '2d'", "or an ISO-8601 duration");
        assertRefused(() -> smtp.setDigestCapacity(0), "0", "accepted: 1 or more");
        assertRefused(() -> smtp.setMaxMailsPerMinute(-5), "-5", "accepted: 0 (no limit)");
        assertRefused(() -> smtp.setTrustStore("target/no-such-trust-store.p12"), "no-such-trust-store",
                "accepted: the path of a PKCS12 or JKS trust store");
        assertRefused(() -> smtp.setTrustStoreType("PEM-ish"), "'PEM-ish'", "accepted: PKCS12 (the default) or JKS");
        assertRefused(() -> smtp.setToaddrs("a@x.test,,b@x.test"), "a@x.test,,b@x.test", "accepted:");
        assertRefused(() -> smtp.setToaddrs(""), "toaddrs", "accepted: one or more mail addresses");
        assertRefused(() -> smtp.setFromaddr("a@x.test, b@x.test"), "2 addresses", "accepted: one mail address");
        assertRefused(() -> smtp.setSubject("two\nlines"), "two lines", "accepted: text on one line");
        assertRefused(() -> smtp.setToaddrs("ok@x.test, bad@x.test\r\nBcc: victim@evil.test"), "line break",
                "accepted: mail addresses on one line");
        assertRefused(() -> smtp.setFromaddr("me@x.test\nBcc: victim@evil.test"), "line break", "accepted:");
        smtp.close();
    }

    private static void assertRefused(Runnable setter, String named, String accepted) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, setter::run);
        assertTrue(refused.getMessage().contains(named), () -> "does not name " + named + ": " + refused.getMessage());
        assertTrue(refused.getMessage().contains(accepted), refused.getMessage());
    }

    @Test
    void optionsAreJavaBeanPropertiesWithOneSetterEach() throws Exception {
        JavaBeanOptions.assertConfigurable(SmtpHandler.class, "mailhost", "fromaddr", "toaddrs", "subject", "secure",
                "timeout", "trustStore", "trustStoreType", "checkServerIdentity", "flushInterval", "digestCapacity",
                "maxMailsPerMinute");
        SmtpHandler smtp = new SmtpHandler();
        assertEquals("localhost", smtp.getMailhost());
        assertEquals("none", smtp.getSecure());
        assertEquals("5s", smtp.getTimeout(), "Python's default");
        assertEquals("Log record", smtp.getSubject());
        assertEquals("0s", smtp.getFlushInterval());
        assertEquals(0, smtp.getMaxMailsPerMinute());
        assertEquals(1000, smtp.getDigestCapacity());
        assertTrue(smtp.isCheckServerIdentity());
        assertEquals("", smtp.getTrustStore());
        assertEquals("PKCS12", smtp.getTrustStoreType());
        smtp.setToaddrs("\"Ops, on call\" <ops@x.test>, dev@x.test");
        assertEquals("\"Ops, on call\" <ops@x.test>, dev@x.test", smtp.getToaddrs());
        smtp.setMailhost("[::1]:2525");
        assertEquals("[::1]:2525", smtp.getMailhost());
        smtp.close();
    }

    /** The mails in the inbox of {@code address} on {@code server}. */
    static List<ReceivedMail> inbox(GreenMailExtension server, String address) {
        return server.findReceivedMessages(user -> user.getEmail().equals(address), message -> true)
                .map(ReceivedMail::of).toList();
    }

    /** Waits until the handler has counted {@code count} lost records (the sending thread reports them). */
    static void awaitLost(SmtpHandler handler, long count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (handler.getLostRecordCount() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(count, handler.getLostRecordCount());
    }

}
