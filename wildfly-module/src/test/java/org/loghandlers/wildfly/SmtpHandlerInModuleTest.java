package org.loghandlers.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import org.eclipse.angus.activation.MimeTypeRegistryProviderImpl;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jboss.modules.LocalModuleLoader;
import org.jboss.modules.Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.handlers.RotatingFileHandler;

/**
 * The {@code org.loghandlers} module as WildFly loads it: our {@code module.xml}, read by JBoss Modules, beside mail
 * modules laid out as WildFly 39 lays out its own ({@code jakarta.mail.api} importing Angus Mail's services,
 * {@code org.eclipse.angus.mail}, {@code jakarta.activation.api}, as in its Galleon feature pack). With them the
 * module's SmtpHandler mails GreenMail; without them (a server with no mail subsystem) the module still loads, and
 * the handler says what is missing.
 */
class SmtpHandlerInModuleTest {

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(smtpOnLoopback());

    @TempDir
    Path modules;

    private static ServerSetup smtpOnLoopback() {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        setup.setServerStartupTimeout(20_000);
        return setup;
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Our module.xml with the extension jar (or classes directory) as its resource root, copied beside it. */
    private void ourModule() throws Exception {
        Path dir = Files.createDirectories(modules.resolve("org/loghandlers/main"));
        StringBuilder roots = new StringBuilder();
        for (Path resource : List.of(jarOf(RotatingFileHandler.class))) {
            String name = resource.getFileName().toString();
            copy(resource, dir.resolve(name));
            roots.append(roots.length() == 0 ? "" : "\"/>\n    <resource-root path=\"").append(name);
        }
        String template = Files.readString(Path.of("src/main/module/org/loghandlers/main/module.xml"));
        Files.writeString(dir.resolve("module.xml"), template.replace("${module.resource.roots}", roots));
        module("org.jboss.logmanager", null, "<module name=\"java.logging\"/>");
    }

    /** WildFly 39's mail modules: the same names, jars and dependencies as its feature pack's. */
    private void wildFlysMailModules() throws Exception {
        module("jakarta.activation.api", jarOf(DataHandler.class),
                "<module name=\"java.logging\"/><module name=\"java.desktop\"/>");
        module("org.eclipse.angus.activation", jarOf(MimeTypeRegistryProviderImpl.class),
                "<module name=\"java.logging\"/><module name=\"jakarta.activation.api\"/>");
        module("jakarta.mail.api", jarOf(Session.class), "<module name=\"java.desktop\"/><module name=\"java.logging\"/>"
                + "<module name=\"jakarta.activation.api\"/><module name=\"org.eclipse.angus.mail\" services=\"import\"/>");
        module("org.eclipse.angus.mail", jarOf(SMTPTransport.class), "<module name=\"java.logging\"/>"
                + "<module name=\"java.xml\"/><module name=\"java.security.sasl\"/><module name=\"jakarta.mail.api\"/>"
                + "<module name=\"jakarta.activation.api\"/>");
    }

    private void module(String name, Path jar, String dependencies) throws IOException {
        Path dir = Files.createDirectories(modules.resolve(name.replace('.', '/')).resolve("main"));
        String resources = "";
        if (jar != null) {
            Files.copy(jar, dir.resolve(jar.getFileName()));
            resources = "<resources><resource-root path=\"" + jar.getFileName() + "\"/></resources>";
        }
        Files.writeString(dir.resolve("module.xml"), "<module xmlns=\"urn:jboss:module:1.9\" name=\"" + name + "\">"
                + resources + "<dependencies>" + dependencies + "</dependencies></module>", StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to);
            return;
        }
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : tree.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private Handler smtpHandlerOfTheModule(List<String> reports) throws Exception {
        Module module = new LocalModuleLoader(new java.io.File[] {modules.toFile()}).loadModule("org.loghandlers");
        Class<?> type = module.getClassLoader().loadClass("org.loghandlers.handlers.SmtpHandler");
        Handler smtp = (Handler) type.getConstructor(String.class, String.class, String.class, String.class)
                .newInstance("127.0.0.1:" + SERVER.getSmtp().getPort(), "app@x.test", "ops@y.test", "from WildFly");
        smtp.setErrorManager(new ErrorManager() {
            @Override
            public void error(String message, Exception cause, int code) {
                reports.add(message);
            }
        });
        return smtp;
    }

    @Test
    void withTheServersMailModulesTheModulesSmtpHandlerMails() throws Exception {
        ourModule();
        wildFlysMailModules();
        List<String> reports = new CopyOnWriteArrayList<>();
        Handler smtp = smtpHandlerOfTheModule(reports);
        smtp.publish(new LogRecord(Level.SEVERE, "mailed by the module \u2713"));
        smtp.close();

        assertTrue(SERVER.waitForIncomingEmail(10_000, 1));
        assertEquals("mailed by the module \u2713", SERVER.getReceivedMessages()[0].getContent().toString().strip());
        assertEquals(List.of(), reports);
    }

    @Test
    void withoutMailModulesTheModuleLoadsAndItsSmtpHandlerSaysWhatIsMissing() throws Exception {
        ourModule();
        List<String> reports = new CopyOnWriteArrayList<>();
        Handler smtp = smtpHandlerOfTheModule(reports);
        smtp.publish(new LogRecord(Level.SEVERE, "not mailed"));
        smtp.close();

        assertEquals(0, SERVER.getReceivedMessages().length);
        assertEquals(1, reports.size(), reports::toString);
        assertTrue(reports.get(0).contains("Jakarta Mail is not on the class path"), reports.get(0));
    }
}
