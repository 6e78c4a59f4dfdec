package org.loghandlers.handlers;

import java.io.IOException;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;

/**
 * The Windows event log through JNA's Advapi32: the only class that refers to JNA. {@link EventLogLookup} loads it
 * by name, and only on Windows, so the handlers load and run where JNA is absent.
 */
final class JnaEventLog implements WindowsEventLog {

    private static final String SOURCES = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\";
    private static final int TYPES_SUPPORTED = WinNT.EVENTLOG_ERROR_TYPE | WinNT.EVENTLOG_WARNING_TYPE
            | WinNT.EVENTLOG_INFORMATION_TYPE;

    private final Advapi32 advapi32;

    /** Loads advapi32.dll now, so that a missing JNA or library shows when the handler looks for the event log. */
    JnaEventLog() {
        advapi32 = Advapi32.INSTANCE;
    }

    @Override
    public void addSourceToRegistry(String appname, String dllname, String logtype) throws IOException {
        String key = SOURCES + logtype + "\\" + appname;
        try {
            Advapi32Util.registryCreateKey(WinReg.HKEY_LOCAL_MACHINE, key);
            if (dllname != null) {
                Advapi32Util.registrySetExpandableStringValue(WinReg.HKEY_LOCAL_MACHINE, key, "EventMessageFile",
                        dllname);
            }
            Advapi32Util.registrySetIntValue(WinReg.HKEY_LOCAL_MACHINE, key, "TypesSupported", TYPES_SUPPORTED);
        } catch (Win32Exception e) {
            if (e.getErrorCode() != WinError.ERROR_ACCESS_DENIED) {
                throw new IOException("cannot write HKLM\\" + key + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Source registerEventSource(String appname) throws IOException {
        WinNT.HANDLE handle = advapi32.RegisterEventSource(null, appname);
        if (handle == null) {
            Win32Exception cause = new Win32Exception(Native.getLastError());
            throw new IOException("RegisterEventSource failed: " + cause.getMessage(), cause);
        }
        return new Source() {
            @Override
            public void reportEvent(int type, int category, int eventId, String[] strings) throws IOException {
                if (!advapi32.ReportEvent(handle, type, category, eventId, null, strings.length, 0, strings, null)) {
                    Win32Exception cause = new Win32Exception(Native.getLastError());
                    throw new IOException("ReportEvent failed: " + cause.getMessage(), cause);
                }
            }

            @Override
            public void deregister() {
                advapi32.DeregisterEventSource(handle);
            }
        };
    }
}
