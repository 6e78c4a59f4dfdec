package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Path;
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
 * Two applications on one server share its loggers. A handler of ours on the root logger takes only its own
 * deployment's records, unless {@code records-from=all} asks for the whole server's.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.SERVER)
@Tag(Containers.DEPLOYER)
@RunAsClient
class SeparateDeploymentsTest {

    private static final Path LOGS = Deployments.logDirectory("separate");

    @Deployment(name = "app", order = 1)
    static Archive<?> app() {
        return Deployments.archive("app", """
                loghandlers.handler.mine.type=file
                loghandlers.handler.mine.file-name=%1$s/mine.log
                loghandlers.handler.everything.type=file
                loghandlers.handler.everything.file-name=%1$s/everything.log
                loghandlers.handler.everything.records-from=all
                """.formatted(Deployments.value(LOGS)), LogServlet.class, RedeployMarker.class);
    }

    @Deployment(name = "neighbour", order = 2)
    static Archive<?> neighbour() {
        return Deployments.plainWar("neighbour", LogServlet.class, RedeployMarker.class);
    }

    /** Logs from both and reads the files: {@code mine} has the app's records, {@code everything} both's. */
    static void assertEachHandlerTookItsRecords(URL app, URL neighbour) throws Exception {
        Http.get(app, "log?logger=tck.separate&message=from-app&count=3");
        Http.get(neighbour, "log?logger=tck.separate&message=from-neighbour&count=3");

        assertEquals(List.of("from-app 0", "from-app 1", "from-app 2"),
                LogFiles.linesContaining(LOGS.resolve("mine.log"), "from-"));
        assertEquals(List.of("from-app 0", "from-app 1", "from-app 2",
                "from-neighbour 0", "from-neighbour 1", "from-neighbour 2"),
                LogFiles.linesContaining(LOGS.resolve("everything.log"), "from-"));
    }

    @Test
    void aHandlerOnTheRootLoggerTakesOnlyItsOwnDeploymentsRecords(
            @ArquillianResource @OperateOnDeployment("app") URL app,
            @ArquillianResource @OperateOnDeployment("neighbour") URL neighbour) throws Exception {
        assertEachHandlerTookItsRecords(app, neighbour);
    }
}
