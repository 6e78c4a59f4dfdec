package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
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
import org.loghandlers.receivers.ReceivedRecord;
import org.loghandlers.receivers.SocketReceiver;
import org.loghandlers.receivers.WireFormat;

/**
 * The network handlers in a WAR, declared in its {@code microprofile-config.properties}, send the records the
 * application logs to receivers in this test client, outside the server: HTTP (a form as Python's HTTPHandler posts
 * it, and JSON) to the JDK's web server, Python's socket frames to our socket receiver, a pickled datagram, syslog
 * over UDP and TCP byte for byte as Python sends it, and a mail to GreenMail through the Jakarta Mail bundled in
 * {@code WEB-INF/lib}. Each record carries the server's process id and the request thread that logged it.
 */
@ExtendWith(ArquillianExtension.class)
@Tag(Containers.SERVER)
@RunAsClient
class NetworkOnTheServerTest {

    private static final ClientPeers.Web WEB = new ClientPeers.Web();
    private static final ClientPeers.Kept FRAMES = new ClientPeers.Kept();
    private static final SocketReceiver FRAME_RECEIVER = frameReceiver();
    private static final ClientPeers.Datagrams DATAGRAMS = new ClientPeers.Datagrams();
    private static final ClientPeers.Datagrams SYSLOG_UDP = new ClientPeers.Datagrams();
    private static final ClientPeers.NulTerminatedMessages SYSLOG_TCP = new ClientPeers.NulTerminatedMessages();
    private static final GreenMail MAIL = mailServer();

    @ArquillianResource
    URL app;

    private static SocketReceiver frameReceiver() {
        SocketReceiver receiver = new SocketReceiver("127.0.0.1", 0);
        receiver.setName("tck-client");
        receiver.setHandlers(FRAMES);
        try {
            receiver.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return receiver;
    }

    private static GreenMail mailServer() {
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        smtp.setServerStartupTimeout(20_000);
        GreenMail mail = new GreenMail(smtp);
        mail.start();
        return mail;
    }

    @Deployment(testable = false)
    static Archive<?> deployment() {
        return Deployments.archive("network-on-the-server", """
                loghandlers.handler.form.type=http
                loghandlers.handler.form.host=127.0.0.1:%1$d
                loghandlers.handler.form.url=/form
                loghandlers.handler.form.method=POST
                loghandlers.handler.form.loggers=tck.net.form
                loghandlers.handler.json.type=http
                loghandlers.handler.json.host=127.0.0.1:%1$d
                loghandlers.handler.json.url=/json?app=tck
                loghandlers.handler.json.format=json
                loghandlers.handler.json.loggers=tck.net.json
                loghandlers.handler.frames.type=socket
                loghandlers.handler.frames.host=127.0.0.1
                loghandlers.handler.frames.port=%2$d
                loghandlers.handler.frames.loggers=tck.net.socket
                loghandlers.handler.datagrams.type=datagram
                loghandlers.handler.datagrams.host=127.0.0.1
                loghandlers.handler.datagrams.port=%3$d
                loghandlers.handler.datagrams.loggers=tck.net.datagram
                loghandlers.handler.syslog-udp.type=syslog
                loghandlers.handler.syslog-udp.address=127.0.0.1:%4$d
                loghandlers.handler.syslog-udp.socktype=udp
                loghandlers.handler.syslog-udp.ident=tck:\\u0020
                loghandlers.handler.syslog-udp.loggers=tck.net.syslog-udp
                loghandlers.handler.syslog-tcp.type=syslog
                loghandlers.handler.syslog-tcp.address=127.0.0.1:%5$d
                loghandlers.handler.syslog-tcp.socktype=tcp
                loghandlers.handler.syslog-tcp.facility=local3
                loghandlers.handler.syslog-tcp.loggers=tck.net.syslog-tcp
                loghandlers.handler.mail.type=smtp
                loghandlers.handler.mail.mailhost=127.0.0.1:%6$d
                loghandlers.handler.mail.fromaddr=app@x.test
                loghandlers.handler.mail.toaddrs=ops@y.test
                loghandlers.handler.mail.subject=tck on the server
                loghandlers.handler.mail.level=SEVERE
                loghandlers.handler.mail.loggers=tck.net.smtp
                loghandlers.logger."tck.net".use-parent-handlers=false
                """.formatted(WEB.port(), FRAME_RECEIVER.getLocalPort(), DATAGRAMS.port(), SYSLOG_UDP.port(),
                SYSLOG_TCP.port(), MAIL.getSmtp().getPort()), LogAndTellServlet.class, ClassSourceServlet.class);
    }

    @AfterAll
    static void stopThePeers() throws Exception {
        FRAME_RECEIVER.stop();
        WEB.close();
        DATAGRAMS.close();
        SYSLOG_UDP.close();
        SYSLOG_TCP.close();
        MAIL.stop();
    }

    /** What the application did: the server's process id and the request thread's name. */
    private record Logged(long pid, String thread) {
    }

    private Logged log(String logger, Level level, String message) throws Exception {
        String answer = Http.get(app, "log-and-tell?logger=" + logger + "&level=" + level.getName() + "&message="
                + URLEncoder.encode(message, StandardCharsets.UTF_8));
        Map<String, String> told = new java.util.LinkedHashMap<>();
        for (String line : answer.split("\n")) {
            told.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1).trim());
        }
        return new Logged(Long.parseLong(told.get("pid")), told.get("thread"));
    }

    @Test
    void httpPostsTheRecordAsPythonsFormWithTheServersProcessAndThread() throws Exception {
        Logged logged = log("tck.net.form", Level.WARNING, "form from the war");

        ClientPeers.Web.Request request = WEB.await(r -> r.line().equals("POST /form"));
        assertEquals("application/x-www-form-urlencoded", request.contentType());
        Map<String, String> form = ClientPeers.form(request.body());
        assertEquals("tck.net.form", form.get("name"));
        assertEquals("form from the war", form.get("msg"));
        assertEquals("()", form.get("args"));
        assertEquals("WARNING", form.get("levelname"));
        assertEquals("30", form.get("levelno"));
        assertEquals("doGet", form.get("funcName"));
        assertEquals(String.valueOf(logged.pid()), form.get("process"));
        assertEquals(logged.thread(), form.get("threadName"));
    }

    @Test
    void httpPostsJsonToTheUrlWithItsQuery() throws Exception {
        Logged logged = log("tck.net.json", Level.INFO, "json from the war");

        ClientPeers.Web.Request request = WEB.await(r -> r.line().startsWith("POST /json"));
        assertEquals("POST /json?app=tck", request.line());
        assertEquals("application/json", request.contentType());
        String body = request.body();
        assertTrue(body.startsWith("[{") && body.contains("\"logger\":\"tck.net.json\"")
                && body.contains("\"message\":\"json from the war\"")
                && body.contains("\"thread\":\"" + logged.thread() + "\""), body);
    }

    @Test
    void theSocketHandlersFramesReachOurReceiverInTheClientWithTheSendersValues() throws Exception {
        Logged logged = log("tck.net.socket", Level.SEVERE, "frame from the war");

        LogRecord record = ClientPeers.await(FRAMES.records, r -> "frame from the war".equals(r.getMessage()),
                "record from the socket handler");
        ReceivedRecord received = (ReceivedRecord) record;
        assertEquals("tck.net.socket", received.getLoggerName());
        assertEquals(Level.SEVERE, received.getLevel());
        assertEquals(logged.pid(), received.getProcess());
        assertEquals(logged.thread(), received.getThreadName());
        assertEquals("127.0.0.1", received.getHost());
    }

    @Test
    void aDatagramHoldsOnePickledRecordWithItsLengthPrefix() throws Exception {
        Logged logged = log("tck.net.datagram", Level.INFO, "datagram from the war");

        byte[] datagram = ClientPeers.await(DATAGRAMS.received, d -> true, "datagram");
        int length = ((datagram[0] & 0xff) << 24) | ((datagram[1] & 0xff) << 16) | ((datagram[2] & 0xff) << 8)
                | (datagram[3] & 0xff);
        assertEquals(datagram.length - 4, length, "the length prefix counts the rest of the datagram");
        ReceivedRecord record = WireFormat.PYTHON.decode(datagram, 4, length, "127.0.0.1");
        assertEquals("tck.net.datagram", record.getLoggerName());
        assertEquals("datagram from the war", record.getMessage());
        assertEquals(logged.pid(), record.getProcess());
        assertEquals(logged.thread(), record.getThreadName());
    }

    @Test
    void syslogOverUdpAndTcpIsWhatPythonSends() throws Exception {
        log("tck.net.syslog-udp", Level.WARNING, "syslog over udp");
        log("tck.net.syslog-tcp", Level.SEVERE, "syslog over tcp");

        byte[] datagram = ClientPeers.await(SYSLOG_UDP.received, d -> true, "syslog datagram");
        // user (1) << 3 | warning (4); Python's ident, the message, a NUL
        assertArrayEquals("<12>tck: syslog over udp\0".getBytes(StandardCharsets.UTF_8), datagram,
                () -> Arrays.toString(datagram));
        // local3 (19) << 3 | error (3); over TCP Python only appends the NUL
        assertEquals("<155>syslog over tcp", ClientPeers.await(SYSLOG_TCP.messages, m -> true, "syslog message"));
    }

    @Test
    void aSevereRecordIsMailedThroughTheJakartaMailInTheWar() throws Exception {
        log("tck.net.smtp", Level.INFO, "below the mail level");
        log("tck.net.smtp", Level.SEVERE, "mailed from the war");

        assertTrue(MAIL.waitForIncomingEmail(20_000, 1), "no mail in 20 s");
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertEquals(1, mails.length);
        assertEquals("tck on the server", mails[0].getSubject());
        assertEquals("app@x.test", ((InternetAddress) mails[0].getFrom()[0]).getAddress());
        assertEquals("ops@y.test", ((InternetAddress) mails[0].getAllRecipients()[0]).getAddress());
        assertTrue(String.valueOf(mails[0].getContent()).contains("mailed from the war"),
                () -> String.valueOf(safeContent(mails[0])));
    }

    /**
     * Which Jakarta Mail the WAR's SmtpHandler gets when the WAR bundles one: its own on the tck's WildFly (which has
     * no mail subsystem), the server's on Payara (which loads a WAR's classes parent first).
     */
    @Test
    void theJakartaMailUsedIsTheWarsOnWildFlyAndTheServersOnPayara() throws Exception {
        for (String type : new String[] {"jakarta.mail.Session", "org.eclipse.angus.mail.smtp.SMTPTransport"}) {
            String source = Http.get(app, "class-source?name=" + type);
            if (Containers.WILDFLY.equals(Containers.server())) {
                assertTrue(source.contains("/WEB-INF/lib/"), type + " from " + source);
            } else {
                assertTrue(!source.contains("WEB-INF") && !source.equals("absent"), type + " from " + source);
            }
        }
    }

    private static Object safeContent(MimeMessage mail) {
        try {
            return mail.getContent();
        } catch (Exception e) {
            return e;
        }
    }
}
