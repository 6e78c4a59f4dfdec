package org.loghandlers.handlers;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.loghandlers.format.PythonFormatter;
import org.loghandlers.format.PythonLevel;
import org.loghandlers.options.LogManagerProperties;
import org.loghandlers.options.Suggestions;

/**
 * Writes records to the Windows event log: Python's {@code logging.handlers.NTEventLogHandler}, with
 * {@code appname} (the event source, required), {@code dllname} (its message file) and {@code logtype}
 * ({@code Application}, {@code System} or {@code Security}).
 *
 * <p>On the first record the source is added to the registry under its log, as Python does (a user who may not write
 * the registry is no failure), and opened with {@code RegisterEventSource}; each record is then one
 * {@code ReportEvent} with the type of {@link #getEventType}, the category of {@link #getEventCategory}, the event id
 * of {@link #getMessageID} and the formatted record as its one string. The source is closed with
 * {@code DeregisterEventSource} by {@link #close()}. A failing call is reported once until one succeeds again, and
 * the source is reopened on the next record.
 *
 * <p>The calls go through JNA ({@code net.java.dev.jna:jna-platform}, an optional dependency), loaded only on
 * Windows. Elsewhere, or on Windows without JNA, the first record makes one report through the
 * {@code ErrorManager} saying why, and every record is discarded; nothing is thrown.
 */
public class NtEventLogHandler extends Handler implements FilterOnlyHandler {

    /** {@code EVENTLOG_ERROR_TYPE} of {@code winnt.h}. */
    public static final int EVENTLOG_ERROR_TYPE = 1;
    /** {@code EVENTLOG_WARNING_TYPE} of {@code winnt.h}. */
    public static final int EVENTLOG_WARNING_TYPE = 2;
    /** {@code EVENTLOG_INFORMATION_TYPE} of {@code winnt.h}. */
    public static final int EVENTLOG_INFORMATION_TYPE = 4;

    /**
     * Python's {@code typemap}: the event type of each Python level number (DEBUG and INFO are information, WARNING
     * a warning, ERROR and CRITICAL errors).
     */
    public static final Map<Integer, Integer> TYPEMAP = Map.of(
            PythonLevel.DEBUG_NUMBER, EVENTLOG_INFORMATION_TYPE,
            PythonLevel.INFO_NUMBER, EVENTLOG_INFORMATION_TYPE,
            PythonLevel.WARNING_NUMBER, EVENTLOG_WARNING_TYPE,
            PythonLevel.ERROR_NUMBER, EVENTLOG_ERROR_TYPE,
            PythonLevel.CRITICAL_NUMBER, EVENTLOG_ERROR_TYPE);

    /** Python's {@code deftype}: the event type of a level {@link #TYPEMAP} does not have. */
    public static final int DEFTYPE = EVENTLOG_ERROR_TYPE;

    /** The logs {@link #setLogtype} accepts. */
    public static final List<String> LOGTYPES = List.of("Application", "System", "Security");

    private static final Formatter PYTHON_DEFAULT = new PythonFormatter(PythonFormatter.DEFAULT_FORMAT);

    private final ReentrantLock lock = new ReentrantLock();
    private final OutageReporter outage = new OutageReporter(this);
    private final Supplier<EventLogLookup> lookup;

    private volatile String appname;
    private volatile String dllname;
    private volatile String logtype = "Application";
    private volatile boolean closed;

    /** What {@link #lookup} found, once a record asked; guarded by {@link #lock}, as are the two below. */
    private EventLogLookup found;
    /** Whether the current appname, dllname and logtype were written to the registry (or that failed). */
    private boolean addedToRegistry;
    private WindowsEventLog.Source source;

    /**
     * A handler to be configured through its setters ({@link #setAppname appname} at least), starting from what the
     * JDK's {@code logging.properties} sets for its class.
     */
    public NtEventLogHandler() {
        this(EventLogLookup::forThisMachine);
        LogManagerProperties.configure(this);
    }

    /** Python's {@code NTEventLogHandler(appname)}: no message file, the Application log. */
    public NtEventLogHandler(String appname) {
        this(appname, null, "Application");
    }

    /** Python's {@code NTEventLogHandler(appname, dllname, logtype)}; {@code dllname} may be null. */
    public NtEventLogHandler(String appname, String dllname, String logtype) {
        this(EventLogLookup::forThisMachine);
        setAppname(appname);
        setDllname(dllname);
        setLogtype(logtype);
    }

    /** A handler writing to {@code eventLog} whatever the OS, for tests. */
    NtEventLogHandler(WindowsEventLog eventLog) {
        this(() -> EventLogLookup.of(eventLog));
    }

    private NtEventLogHandler(Supplier<EventLogLookup> lookup) {
        this.lookup = lookup;
        setErrorManager(new ReportingErrorManager());
    }

    /** The event source name records are reported under, usually the application's name. Required. */
    public void setAppname(String appname) {
        if (appname == null || appname.isBlank()) {
            throw new IllegalArgumentException("appname: '" + appname + "' is empty; expected the name of the event"
                    + " source, such as the application's name");
        }
        if (appname.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("appname: '" + appname + "' contains a backslash, which the name of"
                    + " an event source (a registry key) cannot; expected a name such as MyApp");
        }
        changeSource(() -> this.appname = appname.strip());
    }

    public String getAppname() {
        return appname;
    }

    /**
     * The message file registered for the source ({@code EventMessageFile}, environment variables allowed); none by
     * default. It gives the text Event Viewer shows for event id {@link #getMessageID}; without one, Event Viewer
     * says the description was not found and then shows the record's text.
     */
    public void setDllname(String dllname) {
        changeSource(() -> this.dllname = dllname == null || dllname.isBlank() ? null : dllname.strip());
    }

    public String getDllname() {
        return dllname;
    }

    /** The log the source belongs to: {@code Application} (default), {@code System} or {@code Security}. */
    public void setLogtype(String logtype) {
        String given = logtype == null ? "" : logtype.strip();
        String known = LOGTYPES.stream().filter(name -> name.equalsIgnoreCase(given)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("logtype: '" + logtype + "' is not an event log;"
                        + " accepted: " + String.join(", ", LOGTYPES) + Suggestions.didYouMean(given, LOGTYPES)));
        changeSource(() -> this.logtype = known);
    }

    public String getLogtype() {
        return logtype;
    }

    /** How many records were discarded (no event log here, or a failing call) since this handler was made. */
    public long getLostRecordCount() {
        return outage.lostRecords();
    }

    /** Python's {@code getMessageID}: the event id of every record, 1 (the base message id of Python's DLL). */
    protected int getMessageID(LogRecord record) {
        return 1;
    }

    /** Python's {@code getEventCategory}: the category of every record, 0. */
    protected int getEventCategory(LogRecord record) {
        return 0;
    }

    /**
     * Python's {@code getEventType}: {@link #TYPEMAP}'s type for the record's Python level number (see
     * {@link PythonLevel#number}), {@link #DEFTYPE} for a level it does not have ({@code ALL}, {@code OFF}).
     */
    protected int getEventType(LogRecord record) {
        return TYPEMAP.getOrDefault(PythonLevel.number(record.getLevel()), DEFTYPE);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || closed || !isLoggable(record)) {
            return;
        }
        emit(record);
    }

    /** Python's {@code handle}: applies the filter but not the level, as a memory or queue target expects. */
    @Override
    public void handle(LogRecord record) {
        if (record == null || closed || !Targets.passesFilter(this, record)) {
            return;
        }
        emit(record);
    }

    private void emit(LogRecord record) {
        String[] strings;
        int type;
        int category;
        int eventId;
        try {
            Formatter formatter = getFormatter();
            strings = new String[] {(formatter != null ? formatter : PYTHON_DEFAULT).format(record)};
            type = getEventType(record);
            category = getEventCategory(record);
            eventId = getMessageID(record);
        } catch (RuntimeException e) {
            reportError(describe() + ": could not format a record of logger " + record.getLoggerName(), e,
                    ErrorManager.FORMAT_FAILURE);
            return;
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            WindowsEventLog.Source open = openSource();
            if (open == null) {
                return;
            }
            open.reportEvent(type, category, eventId, strings);
            outage.succeeded();
        } catch (IOException | RuntimeException e) {
            closeSource();
            outage.lost(describe() + ": could not report an event: " + e.getMessage(), e,
                    ErrorManager.WRITE_FAILURE);
        } finally {
            lock.unlock();
        }
    }

    /** The open source, opening it first if need be; null, reported and counted, when there is none. */
    private WindowsEventLog.Source openSource() {
        if (source != null) {
            return source;
        }
        if (found == null) {
            found = lookup.get();
        }
        WindowsEventLog eventLog = found.eventLog();
        if (eventLog == null) {
            outage.lost(describe() + ": " + found.unavailable() + "; records to this handler are discarded", null,
                    ErrorManager.OPEN_FAILURE);
            return null;
        }
        String name = appname;
        if (name == null) {
            outage.lost(describe() + ": no appname is set; records are discarded until one is", null,
                    ErrorManager.OPEN_FAILURE);
            return null;
        }
        addToRegistry(eventLog, name);
        try {
            source = eventLog.registerEventSource(name);
            return source;
        } catch (IOException | RuntimeException e) {
            outage.lost(describe() + ": could not open the event source: " + e.getMessage(), e,
                    ErrorManager.OPEN_FAILURE);
            return null;
        }
    }

    /** Registers the source once per appname, dllname and logtype; a failure is reported and events still go out. */
    private void addToRegistry(WindowsEventLog eventLog, String name) {
        if (addedToRegistry) {
            return;
        }
        addedToRegistry = true;
        try {
            eventLog.addSourceToRegistry(name, dllname, logtype);
        } catch (IOException | RuntimeException e) {
            reportError(describe() + ": could not register the source in the registry, so Windows files its events"
                    + " under the Application log if it does not know the source: " + e.getMessage(), e,
                    ErrorManager.OPEN_FAILURE);
        }
    }

    /**
     * Applies a change of appname, dllname or logtype: the next record reopens and re-registers the source, and a
     * failure then is a new outage, reported again. That there is no event log on this machine is said only once.
     */
    private void changeSource(Runnable change) {
        lock.lock();
        try {
            change.run();
            closeSource();
            addedToRegistry = false;
            if (found == null || found.eventLog() != null) {
                outage.succeeded();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called under {@link #lock}. */
    private void closeSource() {
        WindowsEventLog.Source open = source;
        source = null;
        if (open == null) {
            return;
        }
        try {
            open.deregister();
        } catch (RuntimeException e) {
            reportError(describe() + ": could not close the event source", e, ErrorManager.CLOSE_FAILURE);
        }
    }

    /** Events are written as they are reported; there is nothing to flush. */
    @Override
    public void flush() {
    }

    /** Closes the event source and ignores later records. Leaves the registry as it is, as Python does. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeSource();
        } finally {
            lock.unlock();
        }
    }

    /** Names this handler, its event source and its log in error reports. */
    protected String describe() {
        return getClass().getSimpleName() + " (appname " + (appname == null ? "not set" : "'" + appname + "'")
                + ", logtype " + logtype + ")";
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " (" + getLevel().getName() + ")>";
    }
}
