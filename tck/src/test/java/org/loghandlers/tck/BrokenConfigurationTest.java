package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A configuration error fails the deployment on the server, and the server's answer carries our message. */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.SERVER)
@Tag(Containers.DEPLOYER)
@RunAsClient
class BrokenConfigurationTest {

    private static final Path LOGS = Deployments.logDirectory("broken");

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "probe", order = 1)
    static Archive<?> probe() {
        return Deployments.plainWar("probe-broken", ProbeServlet.class, RedeployMarker.class);
    }

    @Deployment(name = "broken", managed = false)
    static Archive<?> broken() {
        return Deployments.archive("broken", """
                loghandlers.handler.audit.type=rotating-file
                loghandlers.handler.audit.file-name=%s/audit.log
                loghandlers.handler.audit.max-bytes=lots
                loghandlers.handler.audit.backup-cont=3
                """.formatted(Deployments.value(LOGS)), LogServlet.class, RedeployMarker.class);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause).append('\n');
        }
        return all.toString();
    }

    /** Our answer names every problem at once, each with its key and value: the size it could not read, and a typo. */
    static void assertNamesTheKeyAndTheValue(String answer) {
        assertTrue(answer.contains("loghandlers.handler.audit.max-bytes=lots"), answer);
        assertTrue(answer.contains("loghandlers.handler.audit.backup-cont=3") && answer.contains("backup-count"), answer);
    }

    @Test
    void theDeploymentFailsWithOurMessageNamingEveryKeyAndValue() {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy("broken"));
        try {
            assertNamesTheKeyAndTheValue(messages(failure));
        } finally {
            try {
                deployer.undeploy("broken");
            } catch (RuntimeException e) {
                // never deployed
            }
        }
    }
}
