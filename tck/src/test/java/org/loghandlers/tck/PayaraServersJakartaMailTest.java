package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On Payara a WAR with {@code type=smtp} needs no Jakarta Mail of its own: with only the loghandlers jar in
 * {@code WEB-INF/lib}, the handler mails GreenMail through the Jakarta Mail and Angus Mail of the server.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.PAYARA)
@RunAsClient
class PayaraServersJakartaMailTest {

    private static final GreenMail MAIL = mailServer();

    @ArquillianResource
    URL app;

    private static GreenMail mailServer() {
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        smtp.setServerStartupTimeout(20_000);
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        return mail;
    }

    @Deployment(testable = false)
    static Archive<?> withoutJakartaMail() {
        return Deployments.warWithoutJakartaMail("servers-mail", """
                loghandlers.handler.alerts.type=smtp
                loghandlers.handler.alerts.mailhost=127.0.0.1:%d
                loghandlers.handler.alerts.fromaddr=app@x.test
                loghandlers.handler.alerts.toaddrs=ops@y.test
                loghandlers.handler.alerts.subject=through Payara's Jakarta Mail
                loghandlers.handler.alerts.loggers=tck.servers-mail
                """.formatted(MAIL.getSmtp().getPort()), LogAndTellServlet.class, ClassSourceServlet.class);
    }

    @AfterAll
    static void stopTheMailServer() {
        MAIL.stop();
    }

    /** The application's URL: the adapter sometimes gives the server's root instead of the WAR's context. */
    private URL app() throws Exception {
        return app.getPath().contains("servers-mail") ? app : new URL(app, "/servers-mail/");
    }

    @Test
    void theHandlerMailsThroughTheServersJakartaMail() throws Exception {
        URL app = app();
        String api = Http.get(app, "class-source?name=jakarta.mail.Session");
        String smtp = Http.get(app, "class-source?name=org.eclipse.angus.mail.smtp.SMTPTransport");
        assertTrue(api.endsWith("/runtime/jakarta.mail-api.jar"), "the API from Payara's runtime: " + api);
        assertTrue(smtp.endsWith("/runtime/angus-mail.jar"), "Angus Mail from Payara's runtime: " + smtp);
        Http.get(app, "log-and-tell?logger=tck.servers-mail&level=SEVERE&message=no+mail+jar+in+the+war");

        assertTrue(MAIL.waitForIncomingEmail(20_000, 1), "no mail in 20 s");
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertEquals("through Payara's Jakarta Mail", mail.getSubject());
        assertTrue(String.valueOf(mail.getContent()).contains("no mail jar in the war"), mail.getContent()::toString);
    }
}
