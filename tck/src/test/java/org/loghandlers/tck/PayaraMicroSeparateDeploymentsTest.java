package org.loghandlers.tck;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link SeparateDeploymentsTest} on one Payara Micro: the app and a neighbour without loghandlers. */
@Tag(Containers.PAYARA_PROCESS)
class PayaraMicroSeparateDeploymentsTest {

    @Test
    void aHandlerOnTheRootLoggerTakesOnlyItsOwnDeploymentsRecords() throws Exception {
        try (PayaraMicroProcess server = PayaraMicroProcess.start("separate", SeparateDeploymentsTest.app(),
                SeparateDeploymentsTest.neighbour())) {
            SeparateDeploymentsTest.assertEachHandlerTookItsRecords(server.url("app"), server.url("neighbour"));
        }
    }
}
