package org.loghandlers.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.LogRecord;

/**
 * The MDC a record carries, for handlers that send it as fields of their own (syslog's structured data): a JBoss
 * LogManager {@code ExtLogRecord}'s copy of the MDC, read without depending on JBoss; a plain JUL record has none.
 */
public final class RecordMdc {

    private RecordMdc() {
    }

    /** The record's MDC, each value as text; empty when it has none. */
    public static Map<String, String> of(LogRecord record) {
        Map<String, ?> mdc = JBossRecords.mdc(record);
        if (mdc == null || mdc.isEmpty()) {
            return Map.of();
        }
        Map<String, String> text = new LinkedHashMap<>();
        mdc.forEach((key, value) -> text.put(key, String.valueOf(value)));
        return text;
    }
}
