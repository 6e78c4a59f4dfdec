package org.loghandlers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;

import org.junit.jupiter.api.Test;
import org.loghandlers.handlers.FileHandler;
import org.loghandlers.handlers.StreamHandler;

/** The type-or-class steps the handler and receiver validators share, with the problems a user reads. */
class DeclaredClassTest {

    private static final List<String> TYPES = List.of("stream", "future");
    private final List<ConfigProblem> problems = new ArrayList<>();

    private DeclaredClass named(String type, String className) {
        return DeclaredClass.named("handler", type, className, option -> "loghandlers.handler.h." + option, TYPES,
                name -> switch (name) {
                    case "stream" -> Optional.of(StreamHandler.class.getName());
                    case "future" -> Optional.of("org.loghandlers.handlers.NotWrittenYetHandler");
                    default -> Optional.empty();
                }, problems);
    }

    private List<String> described() {
        return problems.stream().map(ConfigProblem::describe).toList();
    }

    @Test
    void aTypeStandsForTheClassItsTableNames() {
        DeclaredClass declared = named(" stream ", null);
        assertEquals(new DeclaredClass("loghandlers.handler.h.type", " stream ", StreamHandler.class.getName(), true),
                declared);
        assertTrue(declared.inThisBuild(null, problems));
        assertEquals(StreamHandler.class, declared.concrete(Handler.class, null, problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void aClassIsTakenAsWrittenAndMustBeAConcreteSubclass() {
        assertEquals(FileHandler.class, named(null, FileHandler.class.getName()).concrete(Handler.class, null,
                problems));
        assertNull(named(null, "java.util.logging.Handler").concrete(Handler.class, null, problems));
        assertNull(named(null, "java.lang.String").concrete(Handler.class, null, problems));
        assertNull(named(null, "com.example.Nowhere").concrete(Handler.class, null, problems));
        assertEquals(List.of(
                "loghandlers.handler.h.class=java.util.logging.Handler: not a concrete java.util.logging.Handler",
                "loghandlers.handler.h.class=java.lang.String: not a concrete java.util.logging.Handler",
                "loghandlers.handler.h.class=com.example.Nowhere: class not found; accepted: the name of a"
                        + " java.util.logging.Handler subclass with a public no-argument constructor"), described());
    }

    @Test
    void bothNeitherOrAnUnknownTypeAreReportedUnderTheirKey() {
        assertNull(named("stream", "com.example.Mine"));
        assertNull(named(null, null));
        assertNull(named("straem", null));
        assertEquals(List.of(
                "loghandlers.handler.h.class=com.example.Mine: set either type or class, not both (type is stream)",
                "loghandlers.handler.h.type (not set): every handler needs a type (one of stream, future) or a class",
                "loghandlers.handler.h.type=straem: unknown handler type; accepted: stream, future, or a class name"
                        + " under loghandlers.handler.h.class; did you mean stream?"), described());
    }

    @Test
    void aReservedTypeWhoseClassIsNotInThisBuildIsNotAvailableYet() {
        DeclaredClass declared = named("future", null);
        assertFalse(declared.inThisBuild(getClass().getClassLoader(), problems));
        assertEquals(List.of("loghandlers.handler.h.type=future: type future is not available yet"
                + " (org.loghandlers.handlers.NotWrittenYetHandler is not in this build)"), described());
    }
}
