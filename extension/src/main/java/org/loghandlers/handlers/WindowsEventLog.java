package org.loghandlers.handlers;

import java.io.IOException;

/**
 * The calls of the Windows event log API (Advapi32) that {@link NtEventLogHandler} makes, under the names Python's
 * {@code win32evtlogutil} gives them. {@code JnaEventLog} makes them through JNA on Windows; tests put their own in
 * its place, so nothing else in the handler knows of JNA.
 */
interface WindowsEventLog {

    /**
     * Python's {@code AddSourceToRegistry}: makes {@code appname} a source of the {@code logtype} log, with
     * {@code dllname} as its message file when it is not null. Being denied access (a user who is no administrator)
     * is not a failure, as in Python 3.10 and later: the source may already be registered.
     */
    void addSourceToRegistry(String appname, String dllname, String logtype) throws IOException;

    /** {@code RegisterEventSource} on this machine: a handle to report events of source {@code appname}. */
    Source registerEventSource(String appname) throws IOException;

    /** An event source handle, open until {@link #deregister()}. */
    interface Source {

        /** {@code ReportEvent} with no user SID and no binary data. */
        void reportEvent(int type, int category, int eventId, String[] strings) throws IOException;

        /** {@code DeregisterEventSource}; the handle is not used again. */
        void deregister();
    }
}
