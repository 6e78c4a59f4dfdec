package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.arquillian.container.test.api.Deployer;
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
 * The Weld suite's shutdown contract on a real server, where undeploy is the shutdown: a queue fed by four request
 * threads delivers every record by the end of undeploy, a memory handler flushes what it holds to its target, and
 * the loggers get back the level and parent-handlers flag they had before.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.SERVER)
@Tag(Containers.DEPLOYER)
@RunAsClient
class UndeployTest {

    private static final int THREADS = 4;
    private static final int RECORDS_PER_THREAD = 25_000;
    private static final Path LOGS = Deployments.logDirectory("undeploy");

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "probe", order = 1)
    static Archive<?> probe() {
        return Deployments.plainWar("probe-undeploy", ProbeServlet.class, RedeployMarker.class);
    }

    @Deployment(name = "app", managed = false)
    static Archive<?> app() {
        return Deployments.archive("undeployed", """
                loghandlers.handler.async.type=queue
                loghandlers.handler.async.handlers=queued-file
                loghandlers.handler.async.capacity=1024
                loghandlers.handler.async.loggers=tck.undeploy.queued
                loghandlers.handler.queued-file.type=file
                loghandlers.handler.queued-file.file-name=%1$s/queued.log
                loghandlers.handler.queued-file.auto-flush=false
                loghandlers.handler.buffer.type=memory
                loghandlers.handler.buffer.capacity=10000
                loghandlers.handler.buffer.target=buffered-file
                loghandlers.handler.buffer.loggers=tck.undeploy.buffered
                loghandlers.handler.buffered-file.type=file
                loghandlers.handler.buffered-file.file-name=%1$s/buffered.log
                loghandlers.logger."tck.undeploy.queued".level=FINE
                loghandlers.logger."tck.undeploy.queued".use-parent-handlers=false
                loghandlers.logger."tck.undeploy.buffered".use-parent-handlers=false
                """.formatted(Deployments.value(LOGS)), LogServlet.class, RedeployMarker.class);
    }

    private static Map<String, String> probe(URL probe, String logger) throws Exception {
        return RedeployTest.probe(probe, "probe?logger=" + logger);
    }

    @Test
    void undeployDeliversEveryQueuedRecordFlushesTheMemoryHandlerAndRestoresTheLoggers(
            @ArquillianResource @OperateOnDeployment("probe") URL probe) throws Exception {
        Map<String, String> before = probe(probe, "tck.undeploy.queued");
        URL app = new URL(probe, "../undeployed/");
        deployer.deploy("app");

        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<String>> requests = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String path = "log?logger=tck.undeploy.queued&message=thread-" + t + "&count=" + RECORDS_PER_THREAD;
                requests.add(clients.submit(() -> Http.get(app, path)));
            }
            for (Future<String> request : requests) {
                request.get();
            }
        } finally {
            clients.shutdown();
        }
        Http.get(app, "log?logger=tck.undeploy.buffered&message=buffered&count=1000");
        assertEquals(List.of(), LogFiles.linesContaining(LOGS.resolve("buffered.log"), "buffered"),
                "the memory handler holds its records until it is flushed");
        assertEquals("FINE", probe(probe, "tck.undeploy.queued").get("logger-level"));

        deployer.undeploy("app");

        List<String> queued = LogFiles.linesContaining(LOGS.resolve("queued.log"), "thread-");
        assertEquals(THREADS * RECORDS_PER_THREAD, queued.size());
        assertEquals(THREADS * RECORDS_PER_THREAD, queued.stream().distinct().count(), "no record twice");
        for (int t = 0; t < THREADS; t++) {
            String prefix = "thread-" + t + " ";
            assertTrue(queued.contains(prefix + 0) && queued.contains(prefix + (RECORDS_PER_THREAD - 1)), prefix);
        }
        assertEquals(1000, LogFiles.linesContaining(LOGS.resolve("buffered.log"), "buffered").size());

        Map<String, String> after = probe(probe, "tck.undeploy.queued");
        assertEquals(before.get("logger-level"), after.get("logger-level"));
        assertEquals(before.get("logger-use-parent-handlers"), after.get("logger-use-parent-handlers"));
        assertEquals("", after.get("handlers"), "handlers of ours left on loggers");
    }
}
