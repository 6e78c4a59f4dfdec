package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.config.HandlerTypes;
import org.loghandlers.format.JBossLevel;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.handlers.RecordingEventLog.Event;
import org.loghandlers.handlers.RecordingEventLog.Registration;
import org.loghandlers.testing.CountingErrorManager;
import org.loghandlers.testing.PlainJvm;
import org.loghandlers.testing.Python;
import org.loghandlers.testing.TogetherThreads;

/**
 * The NT event log handler: what it asks of the event log API, checked against a stand-in for Advapi32 (the event
 * log itself exists only on Windows), and what it does where there is no event log.
 */
class NtEventLogHandlerTest {

    private static final String FORMAT = "%(levelname)s:%(name)s:%(message)s";

    @TempDir
    Path dir;

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("app");
        return record;
    }

    private static NtEventLogHandler handler(RecordingEventLog eventLog, CountingErrorManager errors) {
        NtEventLogHandler handler = new NtEventLogHandler(eventLog);
        handler.setAppname("MyApp");
        handler.setFormatter(new PythonFormatter(FORMAT));
        handler.setErrorManager(errors);
        return handler;
    }

    @Test
    void reportsEachRecordWithPythonsEventTypeCategoryZeroEventIdOneAndTheFormattedText() {
        RecordingEventLog eventLog = new RecordingEventLog();
        CountingErrorManager errors = new CountingErrorManager();
        NtEventLogHandler handler = handler(eventLog, errors);
        handler.setLogtype("System");
        handler.setDllname("%SystemRoot%\\messages.dll");

        List<Level> levels = List.of(Level.FINEST, Level.FINE, Level.CONFIG, Level.INFO, Level.WARNING, Level.SEVERE,
                JBossLevel.FATAL, Level.ALL, Level.OFF);
        for (Level level : levels) {
            handler.publish(record(level, "at " + level.getName()));
        }
        handler.close();

        int info = NtEventLogHandler.EVENTLOG_INFORMATION_TYPE;
        int warning = NtEventLogHandler.EVENTLOG_WARNING_TYPE;
        int error = NtEventLogHandler.EVENTLOG_ERROR_TYPE;
        assertEquals(List.of(4, 2, 1), List.of(info, warning, error), "winnt.h's values");
        List<Integer> expectedTypes = List.of(info, info, info, info, warning, error, error, error, error);
        List<String> expectedTexts = List.of("DEBUG:app:at FINEST", "DEBUG:app:at FINE", "INFO:app:at CONFIG",
                "INFO:app:at INFO", "WARNING:app:at WARNING", "ERROR:app:at SEVERE", "CRITICAL:app:at FATAL",
                "NOTSET:app:at ALL", "OFF:app:at OFF");
        List<Event> expected = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            expected.add(new Event("MyApp", expectedTypes.get(i), 0, 1, List.of(expectedTexts.get(i))));
        }
        assertEquals(expected, eventLog.events);
        assertEquals(List.of(new Registration("MyApp", "%SystemRoot%\\messages.dll", "System")),
                eventLog.registrations);
        assertEquals(List.of("MyApp"), eventLog.registeredSources, "one handle for all records");
        assertEquals(List.of("MyApp"), eventLog.deregisteredSources, "closed by close()");
        assertEquals(0, errors.count(), errors.reports()::toString);
    }

    /**
     * CPython 3.13's NTEventLogHandler, given stand-ins for pywin32's {@code win32evtlogutil} and {@code win32evtlog}
     * that print the calls, makes the same AddSourceToRegistry and ReportEvent calls for records of the same levels.
     */
    @Test
    void makesTheSameEventLogCallsAsCPythonForRecordsOfEachLevel() throws Exception {
        String script = """
                import json, logging, logging.handlers, sys, types
                calls = []
                welu = types.ModuleType('win32evtlogutil')
                welu.__file__ = '/stand-in/win32/lib/win32evtlogutil.py'
                welu.AddSourceToRegistry = lambda appname, dllname, logtype: calls.append(
                    ['AddSourceToRegistry', appname, dllname, logtype])
                welu.ReportEvent = lambda appname, eventID, category, type, strings: calls.append(
                    ['ReportEvent', appname, type, category, eventID, strings])
                evt = types.ModuleType('win32evtlog')
                evt.EVENTLOG_ERROR_TYPE, evt.EVENTLOG_WARNING_TYPE, evt.EVENTLOG_INFORMATION_TYPE = 1, 2, 4
                sys.modules.update(win32evtlogutil=welu, win32evtlog=evt)
                handler = logging.handlers.NTEventLogHandler('MyApp', 'C:\\\\app\\\\messages.dll', 'Security')
                handler.setFormatter(logging.Formatter(sys.argv[1]))
                for levelno in (10, 20, 30, 40, 50, 0):
                    handler.handle(logging.makeLogRecord({'name': 'app', 'levelno': levelno,
                        'levelname': logging.getLevelName(levelno), 'msg': 'record %s', 'args': (levelno,)}))
                for call in calls:
                    print(json.dumps(call))
                """;
        String fromPython = Python.run(script, dir, Map.of(), FORMAT);

        RecordingEventLog eventLog = new RecordingEventLog();
        NtEventLogHandler handler = handler(eventLog, new CountingErrorManager());
        handler.setDllname("C:\\app\\messages.dll");
        handler.setLogtype("Security");
        Map<Level, Integer> pythonNumbers = Map.of(Level.FINE, 10, Level.INFO, 20, Level.WARNING, 30,
                Level.SEVERE, 40, JBossLevel.FATAL, 50, Level.ALL, 0);
        for (Level level : List.of(Level.FINE, Level.INFO, Level.WARNING, Level.SEVERE, JBossLevel.FATAL, Level.ALL)) {
            handler.handle(record(level, "record " + pythonNumbers.get(level)));
        }
        List<String> fromJava = new ArrayList<>();
        for (Registration registration : eventLog.registrations) {
            fromJava.add(json("AddSourceToRegistry", registration.appname(), registration.dllname(),
                    registration.logtype()));
        }
        for (Event event : eventLog.events) {
            fromJava.add(json("ReportEvent", event.sourceName(), event.type(), event.category(), event.eventId(),
                    event.strings()));
        }
        assertEquals(fromPython.lines().toList(), fromJava);
    }

    /** Python's {@code json.dumps} of a list of strings, numbers and lists of strings, for the few values here. */
    private static String json(Object... values) {
        List<String> items = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof List<?> list) {
                items.add(json(list.toArray()));
            } else if (value instanceof String text) {
                items.add('"' + text.replace("\\", "\\\\") + '"');
            } else {
                items.add(String.valueOf(value));
            }
        }
        return "[" + String.join(", ", items) + "]";
    }

    @Test
    void aFailingReportEventIsReportedOncePerOutageAndTheSourceIsReopenedWhenItWorksAgain() {
        RecordingEventLog eventLog = new RecordingEventLog();
        CountingErrorManager errors = new CountingErrorManager();
        NtEventLogHandler handler = handler(eventLog, errors);
        eventLog.failingReports.set(5);

        for (int i = 0; i < 8; i++) {
            handler.publish(record(Level.INFO, "r" + i));
        }

        assertEquals(List.of("INFO:app:r5", "INFO:app:r6", "INFO:app:r7"),
                eventLog.events.stream().map(event -> event.strings().get(0)).toList());
        assertEquals(5, handler.getLostRecordCount());
        assertEquals(1, errors.count(), errors.reports()::toString);
        assertEquals("NtEventLogHandler (appname 'MyApp', logtype Application): could not report an event:"
                + " ReportEvent failed: The event log file is full.", errors.reports().get(0).message());
        assertEquals(6, eventLog.registeredSources.size(), "a new handle after each failure");
        assertEquals(5, eventLog.deregisteredSources.size(), "the failed handles are closed");
        assertEquals(1, eventLog.registrations.size(), "the registry is written once");

        eventLog.failingReports.set(1);
        handler.publish(record(Level.INFO, "r8"));
        handler.publish(record(Level.INFO, "r9"));
        assertEquals(2, errors.count(), "a second outage is reported again");
        assertEquals("INFO:app:r9", eventLog.events.get(eventLog.events.size() - 1).strings().get(0));
    }

    @Test
    void aRegistryThatCannotBeWrittenIsReportedOnceAndEventsStillGoOut() {
        RecordingEventLog eventLog = new RecordingEventLog();
        CountingErrorManager errors = new CountingErrorManager();
        NtEventLogHandler handler = handler(eventLog, errors);
        eventLog.failingRegistrations.set(1);

        handler.publish(record(Level.WARNING, "first"));
        handler.publish(record(Level.WARNING, "second"));

        assertEquals(2, eventLog.events.size());
        assertEquals(0, handler.getLostRecordCount());
        assertEquals(1, errors.count(), errors.reports()::toString);
        assertTrue(errors.reports().get(0).message().contains("could not register the source in the registry"),
                errors.reports().get(0).message());
    }

    @Test
    void changingTheAppnameOrLogtypeReopensAndReregistersTheSource() {
        RecordingEventLog eventLog = new RecordingEventLog();
        NtEventLogHandler handler = handler(eventLog, new CountingErrorManager());
        handler.publish(record(Level.INFO, "as MyApp"));
        handler.setAppname("Billing");
        handler.setLogtype("system");
        handler.publish(record(Level.INFO, "as Billing"));

        assertEquals(List.of("MyApp", "Billing"), eventLog.registeredSources);
        assertEquals(List.of("MyApp"), eventLog.deregisteredSources);
        assertEquals(List.of(new Registration("MyApp", null, "Application"), new Registration("Billing", null,
                "System")), eventLog.registrations);
        assertEquals(List.of("MyApp", "Billing"), eventLog.events.stream().map(Event::sourceName).toList());
    }

    @Test
    void withoutAnAppnameRecordsAreDiscardedWithOneReport() {
        RecordingEventLog eventLog = new RecordingEventLog();
        CountingErrorManager errors = new CountingErrorManager();
        NtEventLogHandler handler = new NtEventLogHandler(eventLog);
        handler.setErrorManager(errors);
        handler.publish(record(Level.INFO, "one"));
        handler.publish(record(Level.INFO, "two"));

        assertEquals(List.of(), eventLog.events);
        assertEquals(2, handler.getLostRecordCount());
        assertEquals(List.of("NtEventLogHandler (appname not set, logtype Application): no appname is set; records"
                + " are discarded until one is"), errors.reports().stream().map(CountingErrorManager.Report::message)
                .toList());
    }

    @Test
    void recordsAfterCloseAreIgnoredAndHandleIgnoresTheLevelButNotTheFilter() {
        RecordingEventLog eventLog = new RecordingEventLog();
        NtEventLogHandler handler = handler(eventLog, new CountingErrorManager());
        handler.setLevel(Level.SEVERE);
        handler.setFilter(record -> !record.getMessage().startsWith("secret"));
        handler.publish(record(Level.INFO, "below the level"));
        handler.handle(record(Level.INFO, "handled"));
        handler.handle(record(Level.SEVERE, "secret"));
        handler.close();
        handler.publish(record(Level.SEVERE, "after close"));

        assertEquals(List.of("INFO:app:handled"), eventLog.events.stream().map(e -> e.strings().get(0)).toList());
    }

    @Test
    void eightThreadsReportEveryRecordOnceThroughOneHandle() throws InterruptedException {
        RecordingEventLog eventLog = new RecordingEventLog();
        NtEventLogHandler handler = handler(eventLog, new CountingErrorManager());
        TogetherThreads.run(8, thread -> {
            for (int i = 0; i < 500; i++) {
                handler.publish(record(Level.INFO, thread + "-" + i));
            }
        });

        assertEquals(4000, eventLog.events.stream().map(event -> event.strings().get(0)).distinct().count());
        assertEquals(4000, eventLog.events.size());
        assertEquals(List.of("MyApp"), eventLog.registeredSources);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void awayFromWindowsTheFirstRecordSaysOnceWhyAndEveryRecordIsDiscarded() {
        CountingErrorManager errors = new CountingErrorManager();
        NtEventLogHandler handler = new NtEventLogHandler("MyApp", null, "System");
        handler.setErrorManager(errors);
        for (int i = 0; i < 10; i++) {
            handler.publish(record(Level.SEVERE, "r" + i));
        }
        handler.setAppname("Billing");
        handler.publish(record(Level.SEVERE, "after a change of appname"));
        handler.close();

        assertEquals(List.of("NtEventLogHandler (appname 'MyApp', logtype System): the Windows event log exists only"
                + " on Windows, and this is " + System.getProperty("os.name") + "; records to this handler are"
                + " discarded"), errors.reports().stream().map(CountingErrorManager.Report::message).toList());
        assertEquals(11, handler.getLostRecordCount());
    }

    @Test
    void logtypeIsApplicationSystemOrSecurityInAnyCase() {
        NtEventLogHandler handler = new NtEventLogHandler(new RecordingEventLog());
        assertEquals("Application", handler.getLogtype(), "Python's default");
        handler.setLogtype(" security ");
        assertEquals("Security", handler.getLogtype());

        IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class,
                () -> handler.setLogtype("Aplication"));
        assertEquals("logtype: 'Aplication' is not an event log; accepted: Application, System, Security; did you"
                + " mean Application?", misspelt.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> handler.setLogtype("Setup"));
        assertEquals("logtype: 'Setup' is not an event log; accepted: Application, System, Security",
                unknown.getMessage());
        assertEquals("Security", handler.getLogtype(), "a refused value changes nothing");
    }

    @Test
    void appnameIsRequiredAndCannotHoldABackslashAndABlankDllnameIsNone() {
        NtEventLogHandler handler = new NtEventLogHandler(new RecordingEventLog());
        assertNull(handler.getAppname());
        assertEquals("appname: ' ' is empty; expected the name of the event source, such as the application's name",
                assertThrows(IllegalArgumentException.class, () -> handler.setAppname(" ")).getMessage());
        assertEquals("appname: 'My\\App' contains a backslash, which the name of an event source (a registry key)"
                + " cannot; expected a name such as MyApp",
                assertThrows(IllegalArgumentException.class, () -> handler.setAppname("My\\App")).getMessage());
        handler.setDllname("  ");
        assertNull(handler.getDllname());
        handler.setDllname(" C:\\app\\messages.dll ");
        assertEquals("C:\\app\\messages.dll", handler.getDllname());
    }

    @Test
    void itsOptionsAreJavaBeanPropertiesWithOneSetterEach() throws Exception {
        JavaBeanOptions.assertConfigurable(NtEventLogHandler.class, "appname", "dllname", "logtype");
    }

    /**
     * A class loader that sees our classes but no JNA, as an application that did not add the optional
     * jna-platform: the handler loads and takes records, and on Windows the report names the artifact to add.
     */
    @Test
    void loadsAndTakesRecordsWithNoJnaOnTheClassPath() throws Exception {
        ClassLoader withoutJna = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("com.sun.jna.")) {
                    throw new ClassNotFoundException(name + " is hidden: no JNA in this application");
                }
                return super.loadClass(name, resolve);
            }
        };
        URL classes = NtEventLogHandler.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader application = new URLClassLoader(new URL[] {classes}, withoutJna)) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("com.sun.jna.Native", false, application));
            Class<?> type = Class.forName(NtEventLogHandler.class.getName(), true, application);
            Handler handler = (Handler) type.getConstructor(String.class).newInstance("MyApp");
            CountingErrorManager errors = new CountingErrorManager();
            handler.setErrorManager(errors);
            for (int i = 0; i < 5; i++) {
                handler.publish(record(Level.WARNING, "r" + i));
            }
            handler.close();
            assertEquals(5L, type.getMethod("getLostRecordCount").invoke(handler));
            assertEquals(1, errors.count(), errors.reports()::toString);

            assertEquals("writing to the Windows event log needs JNA, which is not on the class path: add"
                    + " net.java.dev.jna:jna-platform:5.17.0 (it brings net.java.dev.jna:jna) next to loghandlers",
                    unavailableOn("Windows 11", application));
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void withJnaButNoAdvapi32TheReportSaysJnaCouldNotLoadIt() throws Exception {
        String reason = unavailableOn("Windows Server 2022", getClass().getClassLoader());
        assertTrue(reason.startsWith("JNA could not load the Windows event log API (advapi32.dll): "), reason);
    }

    /** What {@link EventLogLookup#find} says, run in {@code loader}'s copy of our classes. */
    private static String unavailableOn(String osName, ClassLoader loader) throws Exception {
        Class<?> lookup = Class.forName(EventLogLookup.class.getName(), true, loader);
        Method find = lookup.getDeclaredMethod("find", String.class, ClassLoader.class);
        find.setAccessible(true);
        Object found = find.invoke(null, osName, loader);
        Method unavailable = lookup.getDeclaredMethod("unavailable");
        unavailable.setAccessible(true);
        Method eventLog = lookup.getDeclaredMethod("eventLog");
        eventLog.setAccessible(true);
        assertEquals(unavailable.invoke(found) == null, eventLog.invoke(found) != null);
        return (String) unavailable.invoke(found);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void inLoggingPropertiesItTakesItsOptionsAndSaysOnceOnStandardErrorThatRecordsAreDiscarded() throws Exception {
        String handler = NtEventLogHandler.class.getName();
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, """
                app.handlers=%1$s
                app.useParentHandlers=false
                %1$s.appname=MyApp
                %1$s.logtype=system
                %1$s.dllname=C:/app/messages.dll
                %1$s.level=WARNING
                """.formatted(handler), StandardCharsets.UTF_8);
        PlainJvm.Output output = PlainJvm.run(dir, List.of("java.util.logging.config.file=" + config), "app", "6",
                "0");

        List<String> handlers = output.stdoutLines().stream().filter(line -> line.startsWith("handler ")).toList();
        assertEquals(1, handlers.size(), output.stdout());
        List<String> words = List.of(handlers.get(0).split(" "));
        assertTrue(words.containsAll(List.of(handler, "appname=MyApp", "logtype=System",
                "dllname=C:/app/messages.dll", "level=WARNING")), handlers.get(0));
        assertEquals(List.of("loghandlers: open failure: NtEventLogHandler (appname 'MyApp', logtype System): the"
                + " Windows event log exists only on Windows, and this is " + System.getProperty("os.name")
                + "; records to this handler are discarded"), output.stderrLines());
    }

    @Test
    void isTheClassOfTypeNtEventLog() {
        assertEquals(NtEventLogHandler.class.getName(), HandlerTypes.className("nt-event-log").orElseThrow());
        assertTrue(HandlerTypes.isAvailable("nt-event-log", getClass().getClassLoader()));
    }
}
