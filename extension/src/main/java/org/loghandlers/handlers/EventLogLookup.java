package org.loghandlers.handlers;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * Finds the event log a {@link NtEventLogHandler} writes to: {@code JnaEventLog} on Windows when JNA is on the class
 * path, and otherwise the reason there is none, for the handler to report. {@code JnaEventLog} is loaded by name
 * and only here, so no other class of ours links against JNA.
 */
final class EventLogLookup {

    static final String JNA_EVENT_LOG = "org.loghandlers.handlers.JnaEventLog";
    /** The artifact to add, as a user writes it in a build. */
    static final String JNA_ARTIFACT = "net.java.dev.jna:jna-platform:5.17.0";

    private final WindowsEventLog eventLog;
    private final String unavailable;

    private EventLogLookup(WindowsEventLog eventLog, String unavailable) {
        this.eventLog = eventLog;
        this.unavailable = unavailable;
    }

    static EventLogLookup of(WindowsEventLog eventLog) {
        return new EventLogLookup(eventLog, null);
    }

    /** The event log of the machine this JVM runs on. */
    static EventLogLookup forThisMachine() {
        return find(System.getProperty("os.name", "an unknown system"), EventLogLookup.class.getClassLoader());
    }

    /** The event log for an OS named {@code osName}, with {@code JnaEventLog} loaded from {@code loader}. */
    static EventLogLookup find(String osName, ClassLoader loader) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return new EventLogLookup(null, "the Windows event log exists only on Windows, and this is " + osName);
        }
        try {
            Class<?> type = Class.forName(JNA_EVENT_LOG, true, loader);
            return of((WindowsEventLog) type.getDeclaredConstructor().newInstance());
        } catch (InvocationTargetException e) {
            return new EventLogLookup(null, whyNot(e.getCause()));
        } catch (ReflectiveOperationException | LinkageError e) {
            return new EventLogLookup(null, whyNot(e));
        }
    }

    private static String whyNot(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if ((cause instanceof NoClassDefFoundError || cause instanceof ClassNotFoundException)
                    && String.valueOf(cause.getMessage()).replace('/', '.').contains("com.sun.jna")) {
                return "writing to the Windows event log needs JNA, which is not on the class path: add "
                        + JNA_ARTIFACT + " (it brings net.java.dev.jna:jna) next to loghandlers";
            }
        }
        return "JNA could not load the Windows event log API (advapi32.dll): " + failure;
    }

    /** The event log, or null when there is none here. */
    WindowsEventLog eventLog() {
        return eventLog;
    }

    /** Why there is no event log, or null when there is one. */
    String unavailable() {
        return unavailable;
    }
}
