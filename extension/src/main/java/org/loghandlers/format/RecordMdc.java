package org.loghandlers.format;

import java.util.Map;
import java.util.logging.LogRecord;

/** The MDC a record carries: a JBoss LogManager record's copy, none for a plain {@link LogRecord}. */
public final class RecordMdc {

    private RecordMdc() {
    }

    /** The MDC value of {@code key}, or null when the record has no MDC or no such key. */
    public static String value(LogRecord record, String key) {
        Map<String, String> mdc = JBossRecords.mdc(record);
        return mdc == null ? null : mdc.get(key);
    }
}
