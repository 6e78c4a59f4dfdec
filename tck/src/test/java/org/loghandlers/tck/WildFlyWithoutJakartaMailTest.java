package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a WildFly without the mail subsystem (the tck's), a WAR with {@code type=smtp} and no Jakarta Mail of its own
 * fails to deploy, and the server's answer says which artifact to add.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.WILDFLY)
@Tag(Containers.DEPLOYER)
@RunAsClient
class WildFlyWithoutJakartaMailTest {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "no-mail", managed = false, testable = false)
    static Archive<?> withoutJakartaMail() {
        return Deployments.warWithoutJakartaMail("no-mail", """
                loghandlers.handler.alerts.type=smtp
                loghandlers.handler.alerts.mailhost=127.0.0.1:2525
                loghandlers.handler.alerts.fromaddr=app@x.test
                loghandlers.handler.alerts.toaddrs=ops@y.test
                loghandlers.handler.alerts.loggers=tck.no-mail
                """, LogAndTellServlet.class);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause).append('\n');
        }
        return all.toString();
    }

    @Test
    void theDeploymentFailsNamingTheArtifactToAdd() {
        Exception failure = assertThrows(Exception.class, () -> deployer.deploy("no-mail"));
        try {
            String answer = messages(failure);
            assertTrue(answer.contains("loghandlers.handler.alerts.type=smtp: type smtp needs Jakarta Mail")
                    && answer.contains("org.eclipse.angus:angus-mail"), answer);
        } finally {
            try {
                deployer.undeploy("no-mail");
            } catch (RuntimeException e) {
                // never deployed
            }
        }
    }
}
