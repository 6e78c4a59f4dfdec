package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR with two socket receivers on fixed ports (one also forwarding over HTTP) is deployed, fed from this client
 * and undeployed, five times in one server: each undeploy stops the receivers and frees their ports at once (this
 * client can listen on them), every record sent is in the file once and in order, and afterwards no thread runs a
 * receiver and none of the five class loaders is left uncollected (seen by a probe deployment that stays, as in
 * {@link RedeployTest}).
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.SERVER)
@Tag(Containers.DEPLOYER)
@RunAsClient
class ReceiverRedeployTest {

    static final int ROUNDS = 5;
    static final String APP = "receiving";
    private static final Path LOGS = Deployments.logDirectory("receiver-redeploy");
    private static final Path CENTRAL = LOGS.resolve("central.log");
    private static final Path THREADS = LOGS.resolve("threads.log");
    private static final int PICKLE_PORT = Senders.freePort();
    private static final int JSON_PORT = Senders.freePort();
    private static final ClientPeers.Web WEB = new ClientPeers.Web();

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "probe", order = 1)
    static Archive<?> probe() {
        return Deployments.plainWar("probe-receivers", ProbeServlet.class, RedeployMarker.class);
    }

    @Deployment(name = "app", managed = false)
    static Archive<?> app() {
        return app(CENTRAL, THREADS, PICKLE_PORT, JSON_PORT, WEB.port());
    }

    /**
     * The receivers' WAR, the JSON receiver forwarding its records over HTTP too (Python's form, to {@code webPort}),
     * so that the HTTP client's threads are in the count; it has no servlet: see {@link #assertNoReceiverLeftBehind}.
     */
    static Archive<?> app(Path file, Path threads, int picklePort, int jsonPort, int webPort) {
        return Deployments.archive(APP, ReceiverOnTheServerTest.receivers(file, threads, picklePort, jsonPort) + """
                loghandlers.handler.forward.type=http
                loghandlers.handler.forward.host=127.0.0.1:%d
                loghandlers.handler.forward.url=/forwarded
                loghandlers.handler.forward.method=POST
                loghandlers.receiver.json.handlers=central-file,seen,forward
                """.formatted(webPort), ThreadNotingHandler.class, ReceiverAppMarker.class);
    }

    /**
     * Sends one JSON line {@code round-N} and the golden frame, waits for both in the file, and for the deployment's
     * note that a managed thread delivered them (its handler pins the {@link ReceiverAppMarker}).
     */
    static void feedRound(Path file, Path threads, int picklePort, int jsonPort, ClientPeers.Web web, int round)
            throws Exception {
        Senders.send(jsonPort, Senders.jsonLine("svc.redeploy", "round-" + round));
        Senders.send(picklePort, Senders.GOLDEN_FRAME);
        Senders.awaitLines(file, "round-" + round, 1, Duration.ofSeconds(20));
        Senders.awaitLines(file, "tcp ERROR", round + 1, Duration.ofSeconds(20));
        ReceiverOnTheServerTest.assertDeliveredOnAManagedThread(threads, "round-" + round);
        web.await(request -> request.line().equals("POST /forwarded")
                && "round-".concat(String.valueOf(round)).equals(ClientPeers.form(request.body()).get("msg")));
    }

    /**
     * Before the check afterwards means anything: while deployed, the probe sees the deployment's class loader and a
     * receiver's thread (retried: between two tasks of a receiver's chain there is none). The receivers' handlers
     * are on no logger.
     */
    static void assertTheProbeSeesTheReceivers(URL probe) throws Exception {
        Map<String, String> seen = probeForTheApp(probe);
        for (int attempt = 0; attempt < 20 && seen.get("receiver-threads").isEmpty(); attempt++) {
            seen = probeForTheApp(probe);
        }
        assertNotEquals("0", seen.get("live-markers"), "the probe sees a live deployment");
        assertNotEquals("", seen.get("receiver-threads"), "the probe sees the receivers' threads while deployed");
    }

    static void assertThePortsAreFree(int... ports) {
        for (int port : ports) {
            assertTrue(Senders.canListenOn(port), "port " + port + " is still taken after the undeploy");
            assertRefused(port);
        }
    }

    private static void assertRefused(int port) {
        try {
            Senders.connect(port).close();
            throw new AssertionError("port " + port + " still accepts connections after the undeploy");
        } catch (IOException expected) {
            // nothing listens there any more
        }
    }

    static void assertEveryRoundOnceInOrder(Path file, int rounds) throws Exception {
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            expected.add(Senders.jsonLineAsWritten("svc.redeploy", "round-" + round));
        }
        assertEquals(expected, LogFiles.linesContaining(file, "svc.redeploy"));
        assertEquals(rounds, LogFiles.linesContaining(file, Senders.GOLDEN_LINE).size());
    }

    /**
     * No handler on a logger, no thread running a receiver or a listener, no class loader of the undeployed copies,
     * once the JDK's HTTP client has let its selector thread end (a few seconds after the client is unreachable;
     * the probe is asked again for up to 30 s). The copies are counted by their own {@link ReceiverAppMarker} and
     * get no request from the test: on WildFly an idle request thread can keep the last request it ran in a stale
     * frame slot for as long as it lives (a heap dump showed {@code default task-2}, parked, holding an earlier
     * request and through it that deployment's class loader), which is the server's doing, and in a full run it
     * holds other tests' deployments that way.
     */
    static void assertNoReceiverLeftBehind(URL probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, String> after = probeForTheApp(probe);
        while (!"0".equals(after.get("live-markers")) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            after = probeForTheApp(probe);
        }
        assertEquals("", after.get("handlers"), "handlers of ours left on loggers");
        assertEquals("", after.get("listener-threads"), "threads still running a queue listener");
        assertEquals("", after.get("receiver-threads"), "threads still running a receiver");
        assertEquals("0", after.get("live-markers"), "class loaders of the undeployed copies not collected: " + after);
    }

    /** The probe's answers, counting the class loaders of this test's WAR ({@link ReceiverAppMarker}). */
    private static Map<String, String> probeForTheApp(URL probe) throws Exception {
        return RedeployTest.probe(probe, "probe?marker=" + ReceiverAppMarker.class.getName());
    }

    @AfterAll
    static void stopTheWebServer() {
        WEB.close();
    }

    @Test
    void eachUndeployFreesThePortsAndFiveRedeploymentsLeaveNothingBehind(
            @ArquillianResource @OperateOnDeployment("probe") URL probe) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            deployer.deploy("app");
            feedRound(CENTRAL, THREADS, PICKLE_PORT, JSON_PORT, WEB, round);
            if (round == ROUNDS - 1) {
                assertTheProbeSeesTheReceivers(probe);
            }
            deployer.undeploy("app");
            assertThePortsAreFree(PICKLE_PORT, JSON_PORT);
        }
        assertEveryRoundOnceInOrder(CENTRAL, ROUNDS);
        assertNoReceiverLeftBehind(probe);
    }
}
