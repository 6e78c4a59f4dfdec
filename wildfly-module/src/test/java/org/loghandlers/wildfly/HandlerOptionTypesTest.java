package org.loghandlers.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Handler;
import org.junit.jupiter.api.Test;

/**
 * Which handler options WildFly's custom-handler can set: every option, but the few that docs/wildfly.adoc lists.
 * ServerWideHandlersIT sets all the others on the server itself.
 */
class HandlerOptionTypesTest {

    /** The table "Options that custom-handler properties cannot set" of docs/wildfly.adoc. */
    private static final Set<String> DOCUMENTED_AS_UNSETTABLE = Set.of(
            "RotatingFileHandler.namer", "RotatingFileHandler.rotator",
            "TimedRotatingFileHandler.namer", "TimedRotatingFileHandler.rotator",
            "StreamHandler.stream",
            // The file handlers' setStream refuses every stream: it is not an option of theirs.
            "FileHandler.stream", "WatchedFileHandler.stream", "RotatingFileHandler.stream",
            "TimedRotatingFileHandler.stream",
            "QueueHandler.handlers", "QueueHandler.executor");

    @Test
    void everyOptionHasOneSetterSinceWildFlyUsesTheFirstItFinds() throws Exception {
        Map<String, String> overloaded = new TreeMap<>();
        for (Class<? extends Handler> handler : CustomHandlerProperties.handlerClasses()) {
            CustomHandlerProperties.setters(handler).forEach((property, setters) -> {
                if (setters.size() > 1) {
                    overloaded.put(handler.getSimpleName() + "." + property, setters.toString());
                }
            });
        }
        assertTrue(overloaded.isEmpty(), "overloaded setters: " + overloaded);
    }

    @Test
    void onlyTheOptionsTheDocsListHaveATypeWildFlyCannotConvert() throws Exception {
        Set<String> unsettable = new TreeSet<>();
        for (Class<? extends Handler> handler : CustomHandlerProperties.handlerClasses()) {
            for (Map.Entry<String, List<Method>> option : CustomHandlerProperties.setters(handler).entrySet()) {
                Class<?> type = option.getValue().get(0).getParameterTypes()[0];
                if (!CustomHandlerProperties.wildFlyConverts(type)) {
                    unsettable.add(handler.getSimpleName() + "." + option.getKey());
                }
            }
        }
        assertEquals(new TreeSet<>(DOCUMENTED_AS_UNSETTABLE), unsettable,
                "an option WildFly cannot set needs a String, primitive or enum setter, or a line in the table of"
                        + " docs/wildfly.adoc (and here)");
    }
}
