package org.loghandlers.handlers;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the Windows event log (the one mock the project allows): keeps every call the handler makes, and
 * fails the next calls of a kind when a test asks it to.
 */
final class RecordingEventLog implements WindowsEventLog {

    /** One {@code AddSourceToRegistry}. */
    record Registration(String appname, String dllname, String logtype) {
    }

    /** One {@code ReportEvent}, with the name of the source its handle was registered for. */
    record Event(String sourceName, int type, int category, int eventId, List<String> strings) {
    }

    final List<Registration> registrations = new CopyOnWriteArrayList<>();
    final List<String> registeredSources = new CopyOnWriteArrayList<>();
    final List<String> deregisteredSources = new CopyOnWriteArrayList<>();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final AtomicInteger failingRegistrations = new AtomicInteger();
    final AtomicInteger failingReports = new AtomicInteger();

    @Override
    public void addSourceToRegistry(String appname, String dllname, String logtype) throws IOException {
        registrations.add(new Registration(appname, dllname, logtype));
        if (failingRegistrations.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("cannot write HKLM\\SYSTEM\\CurrentControlSet\\Services\\EventLog\\" + logtype);
        }
    }

    @Override
    public Source registerEventSource(String appname) {
        registeredSources.add(appname);
        return new Source() {
            private boolean deregistered;

            @Override
            public void reportEvent(int type, int category, int eventId, String[] strings) throws IOException {
                if (deregistered) {
                    throw new IllegalStateException("ReportEvent on a deregistered handle of " + appname);
                }
                if (failingReports.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IOException("ReportEvent failed: The event log file is full.");
                }
                events.add(new Event(appname, type, category, eventId, List.of(strings)));
            }

            @Override
            public void deregister() {
                deregistered = true;
                deregisteredSources.add(appname);
            }
        };
    }
}
