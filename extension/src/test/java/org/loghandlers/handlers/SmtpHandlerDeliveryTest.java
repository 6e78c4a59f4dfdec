package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import org.loghandlers.testing.LoopbackMailServers;
import org.loghandlers.testing.PlainJvm;
import org.loghandlers.testing.TogetherThreads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.ReceivedMail;

/**
 * What {@link SmtpHandler} adds to Python's, against GreenMail on loopback: digest mails, the rate limit and its
 * count, many threads at once, a server that goes away and comes back, and one that never answers.
 */
class SmtpHandlerDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(LoopbackMailServers.smtp());

    private final CountingErrorManager errors = new CountingErrorManager();
    private final List<SmtpHandler> handlers = new ArrayList<>();

    private SmtpHandler handler(SmtpHandler smtp, int port) {
        smtp.setMailhost("127.0.0.1:" + port);
        smtp.setFromaddr("app@x.test");
        smtp.setToaddrs("ops@y.test");
        smtp.setSubject("Alert");
        smtp.setErrorManager(errors);
        handlers.add(smtp);
        return smtp;
    }

    private SmtpHandler handler() {
        return handler(new SmtpHandler(), SERVER.getSmtp().getPort());
    }

    @AfterEach
    void closeHandlers() {
        handlers.forEach(SmtpHandler::close);
    }

    private static LogRecord record(String message) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setLoggerName("app");
        return record;
    }

    private static List<ReceivedMail> received(int count) {
        assertTrue(SERVER.waitForIncomingEmail(15_000, count), "expected " + count + " mails, got "
                + SERVER.getReceivedMessages().length);
        return SmtpHandlerTest.inbox(SERVER, "ops@y.test");
    }

    @Test
    void digestModeSendsTheRecordsOfOneIntervalInOneMail() throws Exception {
        SmtpHandler smtp = handler();
        smtp.setFlushInterval("0.5");
        long start = System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            smtp.publish(record("record " + i));
        }
        assertEquals(0, SERVER.getReceivedMessages().length, "nothing before the interval ends");

        ReceivedMail digest = received(1).get(0);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(450));
        assertEquals("Alert (5 records)", digest.only("Subject"));
        assertEquals("record 1\nrecord 2\nrecord 3\nrecord 4\nrecord 5", digest.textWithLf());

        smtp.publish(record("later"));
        List<ReceivedMail> mails = received(2);
        assertEquals("Alert", mails.get(1).only("Subject"), "a digest of one record has the plain subject");
        assertEquals("later", mails.get(1).textWithLf());
        Thread.sleep(700);
        assertEquals(2, SERVER.getReceivedMessages().length, "an empty interval sends nothing");
    }

    @Test
    void closeSendsWhatTheDigestHolds() {
        SmtpHandler smtp = handler();
        smtp.setFlushInterval("3600");
        smtp.publish(record("held 1"));
        smtp.publish(record("held 2"));
        smtp.close();

        ReceivedMail digest = received(1).get(0);
        assertEquals("held 1\nheld 2", digest.textWithLf());
    }

    @Test
    void aFullDigestCountsTheRecordsItLeavesOut() {
        SmtpHandler smtp = handler();
        smtp.setFlushInterval("3600");
        smtp.setDigestCapacity(2);
        for (int i = 1; i <= 5; i++) {
            smtp.publish(record("record " + i));
        }
        smtp.close();

        ReceivedMail digest = received(1).get(0);
        assertEquals("Alert (5 records)", digest.only("Subject"));
        assertEquals("record 1\nrecord 2\n\nloghandlers: 3 records of this period are not included"
                + " (digest-capacity=2).", digest.textWithLf());
    }

    @Test
    void theRateLimitHoldsRecordsBackAndTheNextMailSaysHowMany() {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        SmtpHandler smtp = handler(new SmtpHandler(clock::get), SERVER.getSmtp().getPort());
        smtp.setMaxMailsPerMinute(2);
        for (int i = 1; i <= 5; i++) {
            smtp.publish(record("storm " + i));
        }
        assertEquals(2, received(2).size());
        assertEquals(3, smtp.getHeldBackCount());

        clock.addAndGet(TimeUnit.SECONDS.toNanos(59));
        smtp.publish(record("still inside the minute"));
        clock.addAndGet(TimeUnit.SECONDS.toNanos(2));
        smtp.publish(record("after the minute"));

        List<ReceivedMail> mails = received(3);
        assertEquals(List.of("storm 1", "storm 2"), mails.subList(0, 2).stream().map(ReceivedMail::textWithLf)
                .toList());
        String third = mails.get(2).textWithLf();
        assertTrue(third.matches("after the minute\n\nloghandlers: 4 records since \\S+ were not mailed because"
                + " max-mails-per-minute=2 was reached\\."), third);
        assertEquals(4, smtp.getHeldBackCount());

        clock.addAndGet(TimeUnit.SECONDS.toNanos(61));
        smtp.publish(record("calm again"));
        assertEquals("calm again", received(4).get(3).textWithLf(), "the count is told once");
        assertEquals(0, errors.count());
    }

    @Test
    void inDigestModeTheRateLimitDelaysTheDigestInsteadOfDroppingIt() {
        SmtpHandler smtp = handler();
        smtp.setFlushInterval("200ms");
        smtp.setMaxMailsPerMinute(1);
        smtp.publish(record("first digest"));
        received(1);
        smtp.publish(record("second digest, held"));
        smtp.publish(record("second digest, held too"));
        assertFalse(SERVER.waitForIncomingEmail(1_000, 2), "the limit allows one mail a minute");
        smtp.close();

        List<ReceivedMail> mails = received(2);
        assertEquals("second digest, held\nsecond digest, held too", mails.get(1).textWithLf(),
                "close sends the held digest");
    }

    @Test
    void eightThreadsLoggingAtOnceDeliverEveryRecordExactlyOnce() throws Exception {
        SmtpHandler smtp = handler();
        int threads = 8;
        int perThread = 25;
        TogetherThreads.run(threads, thread -> {
            for (int i = 0; i < perThread; i++) {
                smtp.publish(record("thread " + thread + " record " + i));
            }
        });

        List<ReceivedMail> mails = received(threads * perThread);
        Set<String> texts = new HashSet<>();
        for (ReceivedMail mail : mails) {
            assertTrue(texts.add(mail.textWithLf()), "delivered twice: " + mail.textWithLf());
        }
        Set<String> expected = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                expected.add("thread " + t + " record " + i);
            }
        }
        assertEquals(expected, texts);
        assertEquals(0, errors.count(), () -> errors.reports().toString());
    }

    @Test
    void aServerThatGoesAwayIsReportedOnceAndMailsResumeWhenItIsBack() throws Exception {
        GreenMail server = new GreenMail(LoopbackMailServers.smtp());
        server.start();
        int port = server.getSmtp().getPort();
        SmtpHandler smtp = handler(new SmtpHandler(), port);
        smtp.publish(record("before"));
        assertEquals(1, server.getReceivedMessages().length);
        server.stop();

        for (int i = 1; i <= 3; i++) {
            smtp.publish(record("while down " + i));
        }
        SmtpHandlerTest.awaitLost(smtp, 3);
        assertEquals(1, errors.count(), () -> errors.reports().toString());
        assertEquals(ErrorManager.OPEN_FAILURE, errors.reports().get(0).code());
        assertTrue(errors.reports().get(0).message().startsWith("SmtpHandler(127.0.0.1:" + port + "): could not"
                + " connect"), errors.reports().get(0).message());

        GreenMail again = new GreenMail(LoopbackMailServers.smtp(port));
        again.start();
        try {
            smtp.publish(record("back"));
            assertTrue(again.waitForIncomingEmail(15_000, 1));
            String text = ReceivedMail.of(again.getReceivedMessages()[0]).textWithLf();
            assertTrue(text.matches("back\n\nloghandlers: 3 records since \\S+ could not be mailed because sending"
                    + " failed \\(reported through the ErrorManager\\)\\."), text);
            smtp.publish(record("and on"));
            assertTrue(again.waitForIncomingEmail(15_000, 2));
            assertEquals("and on", ReceivedMail.of(again.getReceivedMessages()[1]).textWithLf());
            assertEquals(1, errors.count(), "recovering is not an error");
            awaitSent(smtp, 3);

            again.stop();
            smtp.publish(record("second outage"));
            SmtpHandlerTest.awaitLost(smtp, 4);
            assertEquals(2, errors.count(), "a new outage is reported again");
        } finally {
            again.stop();
        }
    }

    /** Until the handler has seen the server accept {@code count} mails (a stored mail may not be accepted yet). */
    private static void awaitSent(SmtpHandler handler, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handler.getSentMailCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, handler.getSentMailCount());
    }

    @Test
    void aServerThatNeverAnswersHoldsTheLoggingCallNoLongerThanTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SmtpHandler smtp = handler(new SmtpHandler(), silent.getLocalPort());
            smtp.setTimeout("0.5");

            long start = System.nanoTime();
            smtp.publish(record("into the void"));
            long first = System.nanoTime() - start;
            assertTrue(first < TimeUnit.MILLISECONDS.toNanos(900), "waited " + first / 1_000_000 + " ms");
            SmtpHandlerTest.awaitLost(smtp, 1);
            assertEquals(1, errors.count());

            start = System.nanoTime();
            smtp.publish(record("known to be down"));
            long second = System.nanoTime() - start;
            assertTrue(second < TimeUnit.MILLISECONDS.toNanos(100), "while the server is known to be down a"
                    + " logging call does not wait; waited " + second / 1_000_000 + " ms");
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void recordsLoggedWhileSendingAreNotMailed() {
        Logger angus = Logger.getLogger("org.eclipse.angus.mail");
        Level before = angus.getLevel();
        SmtpHandler smtp = handler();
        angus.setLevel(Level.ALL);
        angus.addHandler(smtp);
        try {
            smtp.publish(record("the only mail"));
            smtp.publish(record("and another"));
            assertEquals(2, received(2).size());
            assertFalse(SERVER.waitForIncomingEmail(500, 3), "Jakarta Mail's own records must not become mails");
        } finally {
            angus.removeHandler(smtp);
            angus.setLevel(before);
        }
    }

    /**
     * The JDK's {@code logging.properties} in a plain JVM: the handler reads its options for its class name, a bad
     * credentials value is reported with its value hidden, and the JDK's LogManager closing the handlers at exit
     * sends the digest.
     */
    @Test
    void configuredByLoggingPropertiesItSendsItsDigestWhenTheJvmExits(@TempDir Path dir) throws Exception {
        String handler = SmtpHandler.class.getName();
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, """
                app.handlers=%1$s
                app.useParentHandlers=false
                %1$s.mailhost=127.0.0.1:%2$d
                %1$s.fromaddr=app@x.test
                %1$s.toaddrs=ops@y.test
                %1$s.subject=from logging.properties
                %1$s.level=WARNING
                %1$s.flushInterval=3600
                %1$s.credentials=alerts-without-colon-Secr3t
                """.formatted(handler, SERVER.getSmtp().getPort()));
        PlainJvm.Output output = PlainJvm.run(dir, List.of("java.util.logging.config.file=" + config), "app", "4");

        ReceivedMail digest = received(1).get(0);
        assertEquals("from logging.properties (2 records)", digest.only("Subject"));
        assertEquals("record 01\nrecord 03", digest.textWithLf(), "the WARNING records, sent at exit");
        assertTrue(output.stderr().contains(handler + ".credentials=(hidden): refused by SmtpHandler.setCredentials"),
                output.stderr());
        assertFalse(output.stderr().contains("Secr3t"), output.stderr());
    }
}
