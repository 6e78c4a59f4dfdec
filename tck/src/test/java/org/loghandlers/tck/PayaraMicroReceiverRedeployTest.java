package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Path;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link ReceiverRedeployTest} on one Payara Micro: the WAR with the receivers is deployed at boot and reloaded four
 * times, each new copy listening on the same ports (so each reload must have freed them), then replaced by a WAR
 * without loghandlers, after which the ports are free and nothing of the five copies is left.
 *
 * <p>The tck's Payara runs its default managed executor with {@code keep-alive-seconds=2} (src/test/payara/
 * preboot.asadmin): on Java 17 a pool thread that Payara creates while a deployment submits a task keeps that
 * deployment's class loader (through the access-control context the thread inherits) until the thread ends, which by
 * default is after 300 s idle. A heap dump of this test showed such a thread, created while the receivers started.
 */
@Tag(Containers.PAYARA_PROCESS)
class PayaraMicroReceiverRedeployTest {

    private static final String EMPTY_WEB_XML = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\"/>";

    @Test
    void eachReloadFreesThePortsForTheNextAndNothingIsLeftBehind() throws Exception {
        Path logs = Deployments.logDirectory("payara-receiver-redeploy");
        Path file = logs.resolve("central.log");
        Path threads = logs.resolve("threads.log");
        int picklePort = Senders.freePort();
        int jsonPort = Senders.freePort();
        try (ClientPeers.Web web = new ClientPeers.Web();
                PayaraMicroProcess server = PayaraMicroProcess.start("receiver-redeploy",
                Deployments.plainWar("probe", ProbeServlet.class, RedeployMarker.class),
                ReceiverRedeployTest.app(file, threads, picklePort, jsonPort, web.port()))) {
            URL probe = server.url("probe");
            URL app = server.url(ReceiverRedeployTest.APP);
            for (int round = 0; round < ReceiverRedeployTest.ROUNDS; round++) {
                if (round > 0) {
                    server.redeploy(ReceiverRedeployTest.APP);
                }
                ReceiverRedeployTest.feedRound(file, threads, picklePort, jsonPort, web, round);
                if (round == ReceiverRedeployTest.ROUNDS - 1) {
                    ReceiverRedeployTest.assertTheProbeSeesTheReceivers(probe);
                }
            }
            server.replace(Deployments.plainWar(ReceiverRedeployTest.APP)
                    .setWebXML(new StringAsset(EMPTY_WEB_XML))
                    .addAsWebResource(new StringAsset("nothing of loghandlers"), "index.html"));
            assertEquals("nothing of loghandlers", Http.get(app, "index.html"));

            ReceiverRedeployTest.assertThePortsAreFree(picklePort, jsonPort);
            ReceiverRedeployTest.assertEveryRoundOnceInOrder(file, ReceiverRedeployTest.ROUNDS);
            ReceiverRedeployTest.assertNoReceiverLeftBehind(probe);
        }
    }
}
