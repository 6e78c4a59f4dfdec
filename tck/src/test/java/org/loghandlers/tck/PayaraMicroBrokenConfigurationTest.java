package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link BrokenConfigurationTest} on one Payara Micro, which does not stop for a failed deployment: it logs the
 * failure and serves the others.
 */
@Tag(Containers.PAYARA_PROCESS)
class PayaraMicroBrokenConfigurationTest {

    @Test
    void theDeploymentFailsWithOurMessageNamingTheKeyAndTheValue() throws Exception {
        try (PayaraMicroProcess server = PayaraMicroProcess.start("broken", BrokenConfigurationTest.probe(),
                BrokenConfigurationTest.broken())) {
            assertEquals(200, server.status(server.url("probe-broken"), "probe"), "the probe beside it serves");
            assertEquals(404, server.status(server.url("broken"), "log?logger=tck.broken&message=m&count=1"),
                    "the broken deployment's servlet answers");
            // Payara logs a failure twice: once with the stack trace, once with the messages of the causes.
            List<String> failures = server.deploymentFailures();
            assertFalse(failures.isEmpty(), "Payara Micro logged no failed deployment");
            BrokenConfigurationTest.assertNamesTheKeyAndTheValue(String.join("\n", failures));
        }
    }
}
