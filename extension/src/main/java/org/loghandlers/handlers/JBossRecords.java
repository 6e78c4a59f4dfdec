package org.loghandlers.handlers;

import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Snapshots a JBoss {@link ExtLogRecord}. Loaded only after {@link RecordSnapshot} has checked that JBoss
 * LogManager is present, so the extension does not need it at run time.
 */
final class JBossRecords {

    private JBossRecords() {
    }

    /**
     * A copy of {@code record} that keeps its MDC, NDC, thread name and (if asked) caller, with the merged message
     * or {@code formatted} text, and no parameters.
     */
    static LogRecord prepare(LogRecord record, String formatted, boolean callerLocation) {
        ExtLogRecord original = (ExtLogRecord) record;
        if (callerLocation) {
            original.copyAll();
        } else {
            original.copyMdc();
        }
        ExtLogRecord copy = new ExtLogRecord(original);
        if (!callerLocation) {
            copy.disableCallerCalculation();
        }
        String message = formatted != null ? formatted : original.getFormattedMessage();
        copy.setMessage(message, ExtLogRecord.FormatStyle.NO_FORMAT);
        copy.setParameters(null);
        copy.setResourceBundle(null);
        copy.setResourceBundleName(null);
        if (formatted != null) {
            copy.setThrown(null);
        }
        return copy;
    }
}
