package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.loghandlers.cdi.LogHandler;

/** Injection by name and by type, and attachment to exactly the loggers named in {@code loggers}. */
@ExtendWith(ArquillianExtension.class)
class InjectionAndAttachmentTest {

    @Deployment
    static Archive<?> deployment() {
        return Deployments.archive("""
                loghandlers.handler.audit.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.audit.level=INFO
                loghandlers.handler.audit.loggers=com.acme.audit,com.acme.billing
                loghandlers.handler.everything.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.injected-only.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.injected-only.loggers=none
                loghandlers.logger."com.acme.audit".level=FINE
                loghandlers.logger."com.acme.quiet".level=ERROR
                loghandlers.logger."com.acme.quiet".use-parent-handlers=false
                """, InjectionAndAttachmentTest.class);
    }

    @Inject
    @LogHandler("audit")
    Handler auditAsHandler;

    @Inject
    @LogHandler("audit")
    CapturingHandler auditByType;

    @Inject
    @LogHandler("everything")
    Handler everything;

    @Inject
    @LogHandler("injected-only")
    Handler injectedOnly;

    @Inject
    @Any
    Instance<Handler> allHandlers;

    private static List<Handler> handlersOf(String logger) {
        return List.of(Logger.getLogger(logger).getHandlers());
    }

    @Test
    void theInjectedHandlerIsTheOneAttachedToTheLoggers() {
        assertSame(auditAsHandler, auditByType);
        assertTrue(handlersOf("com.acme.audit").stream().anyMatch(handler -> handler == auditByType));
        assertTrue(handlersOf("com.acme.billing").stream().anyMatch(handler -> handler == auditByType));
        assertSame(auditByType, allHandlers.select(LogHandler.Literal.of("audit")).get());
    }

    @Test
    void anyInstanceSeesEveryDeclaredHandler() {
        Set<String> seen = new TreeSet<>();
        for (Instance.Handle<Handler> handle : allHandlers.handles()) {
            handle.getBean().getQualifiers().stream().filter(LogHandler.class::isInstance)
                    .map(qualifier -> ((LogHandler) qualifier).value()).forEach(seen::add);
        }
        assertEquals(Set.of("audit", "everything", "injected-only"), seen);
    }

    @Test
    void aHandlerIsAttachedToItsNamedLoggersOnly() {
        assertFalse(handlersOf("").contains(auditByType));
        assertFalse(handlersOf("com.acme").contains(auditByType));
        assertTrue(handlersOf("").contains(everything), "no loggers key means the root logger");
        for (String logger : List.of("", "com.acme.audit", "com.acme.billing")) {
            assertFalse(handlersOf(logger).contains(injectedOnly), "loggers=none attaches nowhere: " + logger);
        }
    }

    @Test
    void loggerLevelsAndParentHandlersAreSet() {
        assertEquals(Level.FINE, Logger.getLogger("com.acme.audit").getLevel());
        assertEquals(Level.SEVERE, Logger.getLogger("com.acme.quiet").getLevel());
        assertFalse(Logger.getLogger("com.acme.quiet").getUseParentHandlers());
    }

    @Test
    void theHandlerLevelFiltersWhatTheLoggerLetsThrough() {
        Logger audit = Logger.getLogger("com.acme.audit");
        audit.fine("fine detail");
        audit.info("info line");
        assertFalse(auditByType.messages().contains("fine detail"));
        assertTrue(auditByType.messages().contains("info line"));
        assertTrue(((CapturingHandler) everything).messages().contains("fine detail"),
                "the root handler has no level of its own and the logger is at FINE");
    }
}
