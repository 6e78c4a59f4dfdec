package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Deploy, log, undeploy, ten times in one server, with a queue in front of a file: every record is in the file, and
 * afterwards the server holds nothing of those deployments: no handler of ours on any logger, no thread running a
 * queue listener, no class loader of theirs left uncollected. A probe deployment that stays looks at the server.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.SERVER)
@Tag(Containers.DEPLOYER)
@RunAsClient
class RedeployTest {

    static final int ROUNDS = 10;
    static final int RECORDS_PER_ROUND = 200;
    private static final Path LOGS = Deployments.logDirectory("redeploy");

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "probe", order = 1)
    static Archive<?> probe() {
        return Deployments.plainWar("probe", ProbeServlet.class, RedeployMarker.class);
    }

    @Deployment(name = "app", managed = false)
    static Archive<?> app() {
        return Deployments.archive("redeployed", """
                loghandlers.handler.async.type=queue
                loghandlers.handler.async.handlers=sink
                loghandlers.handler.async.loggers=tck.redeploy
                loghandlers.handler.sink.type=file
                loghandlers.handler.sink.file-name=%s/redeployed.log
                loghandlers.logger."tck.redeploy".use-parent-handlers=false
                """.formatted(Deployments.value(LOGS)), LogServlet.class, RedeployMarker.class);
    }

    /** The probe's answers, {@code name=value} lines as a map. */
    static Map<String, String> probe(URL probe) throws Exception {
        return probe(probe, "probe");
    }

    /** The probe's answers to {@code path} ({@code probe}, with a query or not). */
    static Map<String, String> probe(URL probe, String path) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String line : Http.get(probe, path).split("\n")) {
            int equals = line.indexOf('=');
            answers.put(line.substring(0, equals), line.substring(equals + 1).trim());
        }
        return answers;
    }

    static void logRound(URL app, int round) throws Exception {
        Http.get(app, "log?logger=tck.redeploy&message=round-" + round + "&count=" + RECORDS_PER_ROUND);
    }

    /**
     * Before the check afterwards means anything: the probe must see a deployment while there is one. Returns the
     * probe's answers.
     */
    static Map<String, String> assertTheProbeSeesTheDeployment(URL probe) throws Exception {
        Map<String, String> whileDeployed = probe(probe);
        assertNotEquals("", whileDeployed.get("handlers"), "the probe sees our handlers while deployed");
        assertNotEquals("0", whileDeployed.get("live-markers"), "the probe sees a live deployment");
        return whileDeployed;
    }

    static void assertEveryRoundsRecordsOnceInOrder() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < RECORDS_PER_ROUND; i++) {
                expected.add("round-" + round + " " + i);
            }
        }
        assertEquals(expected, LogFiles.linesContaining(LOGS.resolve("redeployed.log"), "round-"));
    }

    static void assertNothingLeftBehind(URL probe) throws Exception {
        Map<String, String> after = probe(probe);
        assertEquals("", after.get("handlers"), "handlers of ours left on loggers");
        assertEquals("", after.get("listener-threads"), "threads still running a queue listener");
        assertEquals("0", after.get("live-markers"), "class loaders of undeployed deployments not collected");
    }

    @Test
    void tenRedeploymentsDeliverEveryRecordAndLeaveNothingBehind(
            @ArquillianResource @OperateOnDeployment("probe") URL probe) throws Exception {
        URL app = new URL(probe, "../redeployed/");
        for (int round = 0; round < ROUNDS; round++) {
            deployer.deploy("app");
            logRound(app, round);
            if (round == ROUNDS - 1) {
                assertTheProbeSeesTheDeployment(probe);
            }
            deployer.undeploy("app");
        }
        assertEveryRoundsRecordsOnceInOrder();
        assertNothingLeftBehind(probe);
    }
}
