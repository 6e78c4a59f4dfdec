package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A queue listener runs for minutes on WildFly's managed executor, whose hung-task threshold the test server lowers
 * to 5 s and whose hung tasks it cancels every 2 s (src/test/wildfly/configure.cli). An ordinary sleeping task is
 * cancelled as hung, which shows the check works; the listener is not, and goes on delivering.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.WILDFLY)
@RunAsClient
class LongRunningListenerTest {

    private static final Duration RUNNING = Duration.ofSeconds(Long.getLong("tck.long-running-seconds", 180));
    private static final Path LOGS = Deployments.logDirectory("long-running");

    @Deployment(name = "long-running")
    static Archive<?> deployment() {
        return Deployments.archive("long-running", """
                loghandlers.handler.async.type=queue
                loghandlers.handler.async.handlers=sink
                loghandlers.handler.async.loggers=tck.long
                loghandlers.handler.sink.type=file
                loghandlers.handler.sink.file-name=%s/long.log
                loghandlers.logger."tck.long".use-parent-handlers=false
                """.formatted(Deployments.value(LOGS)), LogServlet.class, RedeployMarker.class, SleeperServlet.class);
    }

    private static String serverLog() throws Exception {
        Path log = Path.of(System.getProperty("tck.server-home"), "standalone", "log", "server.log");
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void aListenerRunningForMinutesIsNotTakenForAHungTaskAndStillDelivers(
            @ArquillianResource @OperateOnDeployment("long-running") URL app) throws Exception {
        long start = System.nanoTime();
        Http.get(app, "sleep?name=tck-control-sleeper&seconds=60");
        List<String> expected = new ArrayList<>();
        boolean controlCancelled = false;
        for (int checkpoint = 0; System.nanoTime() - start < RUNNING.toNanos(); checkpoint++) {
            Thread.sleep(Math.min(30_000, Math.max(0, RUNNING.toMillis() - (System.nanoTime() - start) / 1_000_000)));
            Http.get(app, "log?logger=tck.long&message=checkpoint-" + checkpoint + "&count=10");
            for (int i = 0; i < 10; i++) {
                expected.add("checkpoint-" + checkpoint + " " + i);
            }
            controlCancelled |= serverLog().contains("tck-control-sleeper");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (LogFiles.linesContaining(LOGS.resolve("long.log"), "checkpoint-").size() < expected.size()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, LogFiles.linesContaining(LOGS.resolve("long.log"), "checkpoint-"));
        String serverLog = serverLog();
        assertTrue(controlCancelled, "the server never reported the control task as hung: the check proves nothing");
        assertTrue(!serverLog.contains("loghandlers-queue-"), "the listener was reported as hung:\n" + serverLog);
    }
}
