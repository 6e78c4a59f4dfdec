package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR declares two socket receivers (pickles and JSON lines, on ports this client chose) feeding a file handler;
 * this client, outside the server, sends CPython 3.13's golden frame and JSON lines and reads the file. The records
 * are handed over on a thread of the container's managed executor, not one of ours, and the receivers still serve
 * a connection opened before and one opened after 20 s, four times the hung-task threshold the WildFly of the tck
 * runs with (which cancels tasks it finds hung).
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.SERVER)
@RunAsClient
class ReceiverOnTheServerTest {

    private static final Duration PAST_THE_HUNG_TASK_THRESHOLD = Duration.ofSeconds(20);
    private static final Path LOGS = Deployments.logDirectory("receiver-on-the-server");
    private static final Path CENTRAL = LOGS.resolve("central.log");
    private static final Path THREADS = LOGS.resolve("threads.log");
    private static final int PICKLE_PORT = Senders.freePort();
    private static final int JSON_PORT = Senders.freePort();

    /**
     * Two receivers into one file, and a {@link ThreadNotingHandler} noting in {@code file.threads} which thread
     * delivered each record; shared with the redeploy tests.
     */
    static String receivers(Path file, Path threads, int picklePort, int jsonPort) {
        return """
                loghandlers.handler.central-file.type=file
                loghandlers.handler.central-file.file-name=%s
                loghandlers.handler.central-file.format=%s
                loghandlers.handler.seen.class=org.loghandlers.tck.ThreadNotingHandler
                loghandlers.handler.seen.file=%s
                loghandlers.receiver.pickles.type=socket
                loghandlers.receiver.pickles.host=127.0.0.1
                loghandlers.receiver.pickles.port=%d
                loghandlers.receiver.pickles.handlers=central-file,seen
                loghandlers.receiver.json.type=socket
                loghandlers.receiver.json.host=127.0.0.1
                loghandlers.receiver.json.port=%d
                loghandlers.receiver.json.format=json
                loghandlers.receiver.json.handlers=central-file,seen
                """.formatted(Deployments.value(file), Senders.LINE_FORMAT, Deployments.value(threads), picklePort, jsonPort);
    }

    @Deployment
    static Archive<?> deployment() {
        return Deployments.archive("receiver-on-the-server", receivers(CENTRAL, THREADS, PICKLE_PORT, JSON_PORT),
                ThreadNotingHandler.class, ReceiverAppMarker.class);
    }

    /** Which thread delivered {@code message}, as the deployment noted it: a managed one, not ours. */
    static void assertDeliveredOnAManagedThread(Path threads, String message) throws Exception {
        String noted = Senders.awaitLines(threads, message + " ", 1, Duration.ofSeconds(10)).get(0);
        assertTrue(noted.endsWith(" managed=true"), noted);
        assertFalse(noted.contains(" thread=loghandlers-"), noted);
    }

    @Test
    void framesAndJsonLinesSentFromOutsideTheServerArriveInTheFileOnAManagedThreadAndStillAfter20Seconds()
            throws Exception {
        long start = System.nanoTime();
        try (Socket kept = Senders.connect(JSON_PORT)) {
            OutputStream keptOut = kept.getOutputStream();
            Senders.send(PICKLE_PORT, Senders.GOLDEN_FRAME);
            keptOut.write(Senders.jsonLine("svc.json", "first-on-the-kept-connection"));
            keptOut.flush();

            Senders.awaitLines(CENTRAL, "", 2, Duration.ofSeconds(20));
            assertEquals(List.of(Senders.GOLDEN_LINE), LogFiles.linesContaining(CENTRAL, "tcp ERROR"));
            assertEquals(List.of(Senders.jsonLineAsWritten("svc.json", "first-on-the-kept-connection")),
                    LogFiles.linesContaining(CENTRAL, "svc.json"));
            assertDeliveredOnAManagedThread(THREADS, "first-on-the-kept-connection");

            Thread.sleep(Math.max(0, PAST_THE_HUNG_TASK_THRESHOLD.toMillis() - (System.nanoTime() - start) / 1_000_000));

            keptOut.write(Senders.jsonLine("svc.json", "after-20-s-on-the-kept-connection"));
            keptOut.flush();
            Senders.send(JSON_PORT, Senders.jsonLine("svc.json", "after-20-s-on-a-new-connection"));
            Senders.send(PICKLE_PORT, Senders.GOLDEN_FRAME);
            Senders.awaitLines(CENTRAL, "", 5, Duration.ofSeconds(20));
        }
        assertEquals(List.of(Senders.GOLDEN_LINE, Senders.GOLDEN_LINE), LogFiles.linesContaining(CENTRAL, "tcp ERROR"));
        assertEquals(List.of("first-on-the-kept-connection", "after-20-s-on-the-kept-connection",
                "after-20-s-on-a-new-connection").stream().map(m -> Senders.jsonLineAsWritten("svc.json", m)).toList(),
                LogFiles.linesContaining(CENTRAL, "svc.json"));
        assertDeliveredOnAManagedThread(THREADS, "after-20-s-on-the-kept-connection");
        assertDeliveredOnAManagedThread(THREADS, "after-20-s-on-a-new-connection");
        assertNoHungReceiverInTheServerLog();
    }

    /** On WildFly: a receiver's task reported as hung would be named in server.log. */
    private static void assertNoHungReceiverInTheServerLog() throws Exception {
        String home = System.getProperty("tck.server-home");
        if (home == null) {
            return;
        }
        String log = Files.readString(Path.of(home, "standalone", "log", "server.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains("loghandlers-receiver-"), "a receiver was reported as a hung task:\n" + log);
    }
}
