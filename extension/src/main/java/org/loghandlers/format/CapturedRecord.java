package org.loghandlers.format;

import java.util.Map;

/**
 * A record that carries what its logging thread knew when it was logged, for formatters that run later on another
 * thread, as a queue's records are: the thread's name, JBoss LogManager's MDC and NDC, and the caller's source
 * file and line. Our formatters read these from such a record instead of from the thread or an {@code ExtLogRecord}.
 */
public interface CapturedRecord extends ThreadNamedRecord {

    /** The MDC as it was on the logging thread; empty, never null, when there was none. */
    Map<String, ?> getCapturedMdc();

    /** The NDC as it was on the logging thread, or null. */
    String getNdc();

    /** The caller's source file name, or null when unknown or not captured. */
    String getSourceFileName();

    /** The caller's source line, or -1 when unknown or not captured. */
    int getSourceLineNumber();
}
