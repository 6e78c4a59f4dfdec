package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.loghandlers.testing.LoopbackMailServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.Python;
import org.loghandlers.testing.ReceivedMail;

/**
 * CPython's own {@code logging.handlers.SMTPHandler} and ours mail the same record to the same server (GreenMail on
 * loopback); the recipient sees the same headers in the same order, with the same values, and the same text. Ours
 * adds a Message-ID, which RFC 5322 asks for and Python leaves out, and sends non-ASCII text as 8bit only to a
 * server that offers 8BITMIME (GreenMail does not), where Python sends 8bit to any server.
 */
class SmtpHandlerMatchesCPythonTest {

    private static final String PYTHON_SMTP_HANDLER = String.join("\n",
            "import logging, logging.handlers, sys",
            "handler = logging.handlers.SMTPHandler(('127.0.0.1', int(sys.argv[1])), 'me@x.test',",
            "                                       ['you@y.test', 'them@z.test'], 'Log subj')",
            "record = logging.makeLogRecord({'msg': sys.argv[2], 'levelno': 40, 'levelname': 'ERROR',",
            "                                'name': 'app'})",
            "handler.handle(record)",
            "handler.close()");

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(LoopbackMailServers.smtp());

    @TempDir
    Path dir;

    @Test
    void theRecipientSeesWhatPythonsHandlerSends() throws Exception {
        for (String message : List.of("Hello \u2713", "plain ASCII text")) {
            SERVER.reset();
            int port = SERVER.getSmtp().getPort();
            Python.run(PYTHON_SMTP_HANDLER, dir, Map.of(), Integer.toString(port), message);
            assertTrue(SERVER.waitForIncomingEmail(10_000, 2));

            SmtpHandler ours = new SmtpHandler("127.0.0.1:" + port, "me@x.test", "you@y.test, them@z.test",
                    "Log subj");
            LogRecord record = new LogRecord(Level.SEVERE, message);
            record.setLoggerName("app");
            ours.publish(record);
            ours.close();
            assertTrue(SERVER.waitForIncomingEmail(10_000, 4));

            List<ReceivedMail> inbox = SmtpHandlerTest.inbox(SERVER, "you@y.test");
            assertEquals(2, inbox.size());
            ReceivedMail python = inbox.get(0);
            ReceivedMail java = inbox.get(1);
            List<String> ourHeaders = java.headerNamesAsSent();
            assertEquals("Message-ID", ourHeaders.get(ourHeaders.size() - 1));
            assertEquals(python.headerNamesAsSent(), ourHeaders.subList(0, ourHeaders.size() - 1), message);
            for (String header : List.of("From", "To", "Subject", "Content-Type", "MIME-Version")) {
                assertEquals(python.only(header), java.only(header), header + " of " + message);
            }
            if (message.chars().allMatch(c -> c < 128)) {
                assertEquals("7bit", python.only("Content-Transfer-Encoding"));
                assertEquals("7bit", java.only("Content-Transfer-Encoding"));
            } else {
                assertEquals("8bit", python.only("Content-Transfer-Encoding"));
                assertEquals("quoted-printable", java.only("Content-Transfer-Encoding"),
                        "GreenMail does not offer 8BITMIME, so ours does not send 8-bit text (Python does)");
            }
            assertEquals(python.text(), java.text(), message);
            assertEquals(python.only("Date").length(), java.only("Date").length(), java.only("Date"));
        }
    }
}
