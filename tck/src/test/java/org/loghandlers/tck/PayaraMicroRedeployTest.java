package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link RedeployTest} on one Payara Micro: the app is deployed at boot, reloaded nine times, then replaced by a WAR
 * without loghandlers (Payara Micro cannot undeploy at runtime); the probe deployed beside it stays.
 */
@Tag(Containers.PAYARA_PROCESS)
class PayaraMicroRedeployTest {

    private static final String EMPTY_WEB_XML = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\"/>";

    @Test
    void tenRedeploymentsDeliverEveryRecordAndLeaveNothingBehind() throws Exception {
        try (PayaraMicroProcess server = PayaraMicroProcess.start("redeploy", RedeployTest.probe(),
                RedeployTest.app())) {
            URL probe = server.url("probe");
            URL app = server.url("redeployed");
            for (int round = 0; round < RedeployTest.ROUNDS; round++) {
                if (round > 0) {
                    server.redeploy("redeployed");
                }
                RedeployTest.logRound(app, round);
                if (round == RedeployTest.ROUNDS - 1) {
                    assertNotEquals("", RedeployTest.assertTheProbeSeesTheDeployment(probe).get("listener-threads"),
                            "the probe sees the queue listener's thread while deployed");
                }
            }
            // Payara Micro takes a directory for a WAR only if it has a WEB-INF.
            server.replace(Deployments.plainWar("redeployed")
                    .setWebXML(new StringAsset(EMPTY_WEB_XML))
                    .addAsWebResource(new StringAsset("nothing of loghandlers"), "index.html"));
            assertEquals("nothing of loghandlers", Http.get(app, "index.html"));

            RedeployTest.assertEveryRoundsRecordsOnceInOrder();
            RedeployTest.assertNothingLeftBehind(probe);
        }
    }
}
