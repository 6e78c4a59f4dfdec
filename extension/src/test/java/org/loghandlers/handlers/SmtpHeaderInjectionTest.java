package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.LoopbackMailServers;
import org.loghandlers.testing.ReceivedMail;

/**
 * A record's text is the attacker's: a subject or an address built from it, with CR or LF inside, must never add a
 * header or a recipient. Checked on the mails GreenMail received, header by header, and in every mailbox.
 */
class SmtpHeaderInjectionTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(LoopbackMailServers.smtp());

    private final CountingErrorManager errors = new CountingErrorManager();
    private SmtpHandler handler;

    @AfterEach
    void close() {
        handler.close();
    }

    /** Python's way to build a subject from the record: override getSubject. */
    private SmtpHandler subjectFromTheRecord() {
        handler = new SmtpHandler() {
            @Override
            protected String getSubject(LogRecord record) {
                return "Alert: " + record.getMessage();
            }
        };
        return configured(handler);
    }

    private SmtpHandler recipientsFromTheRecord() {
        handler = new SmtpHandler() {
            @Override
            protected List<String> getToaddrs(LogRecord record) {
                return List.of("ops@y.test", record.getMessage());
            }
        };
        return configured(handler);
    }

    private SmtpHandler configured(SmtpHandler smtp) {
        smtp.setMailhost("127.0.0.1:" + SERVER.getSmtp().getPort());
        smtp.setFromaddr("app@x.test");
        smtp.setToaddrs("ops@y.test");
        smtp.setErrorManager(errors);
        return smtp;
    }

    private static LogRecord record(String message) {
        return new LogRecord(Level.SEVERE, message);
    }

    @Test
    void aLineBreakInASubjectFromARecordBecomesASpace() {
        SmtpHandler smtp = subjectFromTheRecord();
        List<String> attacks = List.of(
                "login failed\r\nBcc: victim@evil.test\r\nX-Injected: crlf",
                "login failed\nBcc: victim@evil.test\nX-Injected: lf",
                "login failed\rBcc: victim@evil.test\rX-Injected: cr",
                "login failed\r\n\r\nforged body",
                "login failed\u2028X-Injected: line separator\u0085X-Injected: next line");
        for (String attack : attacks) {
            smtp.publish(record(attack));
        }

        assertTrue(SERVER.waitForIncomingEmail(10_000, attacks.size()));
        List<ReceivedMail> mails = SmtpHandlerTest.inbox(SERVER, "ops@y.test");
        assertEquals(attacks.size(), mails.size());
        assertEquals(List.of(
                "Alert: login failed Bcc: victim@evil.test X-Injected: crlf",
                "Alert: login failed Bcc: victim@evil.test X-Injected: lf",
                "Alert: login failed Bcc: victim@evil.test X-Injected: cr",
                "Alert: login failed forged body",
                "Alert: login failed X-Injected: line separator X-Injected: next line"),
                mails.stream().map(mail -> mail.only("Subject")).toList());
        for (ReceivedMail mail : mails) {
            assertEquals(List.of(), mail.header("Bcc"), mail.headerLines().toString());
            assertEquals(List.of(), mail.header("X-Injected"), mail.headerLines().toString());
            assertEquals(List.of("From", "To", "Subject", "Date", "Content-Type", "Content-Transfer-Encoding",
                    "MIME-Version", "Message-ID"), mail.headerNamesAsSent());
        }
        assertEquals(attacks.size(), SERVER.getReceivedMessages().length, "nobody but ops@y.test got a mail");
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void anAddressWithALineBreakFromARecordIsRefusedAndNothingIsSent() {
        SmtpHandler smtp = recipientsFromTheRecord();
        smtp.publish(record("dev@z.test\r\nBcc: victim@evil.test"));
        smtp.publish(record("dev@z.test\nSubject: forged"));
        smtp.publish(record("dev@z.test"));

        assertTrue(SERVER.waitForIncomingEmail(10_000, 2));
        assertEquals(1, SmtpHandlerTest.inbox(SERVER, "ops@y.test").size());
        assertEquals(1, SmtpHandlerTest.inbox(SERVER, "dev@z.test").size(), "only the clean record was mailed");
        assertEquals(2, SERVER.getReceivedMessages().length, "no mail for victim@evil.test");
        ReceivedMail mail = SmtpHandlerTest.inbox(SERVER, "ops@y.test").get(0);
        assertEquals("ops@y.test,dev@z.test", mail.only("To"));
        assertEquals(List.of(), mail.header("Bcc"));
        assertEquals(2, errors.count(), "each refused record is reported");
        for (CountingErrorManager.Report report : errors.reports()) {
            assertEquals(ErrorManager.FORMAT_FAILURE, report.code());
            assertTrue(report.message().contains("line break"), report.message());
            assertFalse(report.message().contains("\n") || report.message().contains("\r"), report.message());
        }
    }

    @Test
    void aRecordCannotEndTheMailEarlyWithALoneDot() {
        handler = configured(new SmtpHandler());
        String text = "first line\r\n.\r\nMAIL FROM:<evil@evil.test>\r\n.\n.leading dot\nlast";
        handler.publish(record(text));

        assertTrue(SERVER.waitForIncomingEmail(10_000, 1));
        assertEquals(1, SERVER.getReceivedMessages().length);
        assertEquals("first line\n.\nMAIL FROM:<evil@evil.test>\n.\n.leading dot\nlast",
                ReceivedMail.of(SERVER.getReceivedMessages()[0]).textWithLf(), "the whole text is the body");
    }
}
