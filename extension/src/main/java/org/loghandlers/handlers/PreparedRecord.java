package org.loghandlers.handlers;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.loghandlers.format.CapturedRecord;

/**
 * A record as {@link QueueHandler#prepare} fixes it on the logging thread, safe to format later on another thread:
 * its message is already merged with its parameters (which are cleared), and it carries the name of the thread that
 * logged it and, for a JBoss LogManager record, the MDC, NDC and source file and line, none of which a plain
 * {@code LogRecord} holds.
 *
 * <p>The queue's ring is made of such records, filled in place by the logging thread and reused once delivered: a
 * handler that {@linkplain BatchTarget takes records in batches} gets the ring's record, valid during the call only;
 * every other handler gets a copy of its own, the same {@code prepare} makes.
 */
public final class PreparedRecord extends LogRecord implements CapturedRecord {

    private static final long serialVersionUID = 1L;

    private String threadName;
    private transient Map<String, ?> mdc = Map.of();
    private String ndc;
    private String sourceFileName;
    private int sourceLineNumber = -1;
    private boolean callerLocation;
    /** The JBoss LogManager record this one was prepared from, so that a kept copy can be one of its kind. */
    private transient LogRecord jbossOriginal;
    private boolean filled;

    /** An empty record for the queue's ring. */
    PreparedRecord() {
        super(Level.OFF, null);
        setSourceClassName(null);
    }

    /** A copy of {@code record} with its mutable state fixed now, as {@link #fill} makes it. */
    PreparedRecord(LogRecord record, String message, Throwable thrown, boolean callerLocation, Map<String, ?> mdc) {
        this();
        fill(record, message, thrown, callerLocation, mdc);
    }

    /**
     * Makes this record {@code original} as prepared on the logging thread: {@code message} (merged or formatted),
     * {@code thrown}, no parameters, the caller only with {@code callerLocation}, the thread's name and, from a
     * JBoss LogManager record or another prepared one, the {@code mdc} and the rest of what it captured. Costly work
     * (merging, formatting, finding the caller, copying the MDC) is done before: this only copies fields.
     */
    void fill(LogRecord original, String message, Throwable thrown, boolean callerLocation, Map<String, ?> mdc) {
        setLevel(original.getLevel());
        setLoggerName(original.getLoggerName());
        setInstant(original.getInstant());
        setSequenceNumber(original.getSequenceNumber());
        setLongThreadID(original.getLongThreadID());
        setMessage(message);
        setParameters(null);
        setResourceBundle(null);
        setResourceBundleName(null);
        setThrown(thrown);
        this.callerLocation = callerLocation;
        setSourceClassName(callerLocation ? original.getSourceClassName() : null);
        setSourceMethodName(callerLocation ? original.getSourceMethodName() : null);
        this.mdc = mdc;
        JBossRecordCopier.Access jboss = JBossRecordCopier.accessOf(original);
        if (original instanceof PreparedRecord) {
            PreparedRecord prepared = (PreparedRecord) original;
            threadName = prepared.threadName;
            ndc = prepared.ndc;
            jbossOriginal = prepared.jbossOriginal;
            sourceFileName = callerLocation ? prepared.sourceFileName : null;
            sourceLineNumber = callerLocation ? prepared.sourceLineNumber : -1;
        } else if (jboss != null) {
            threadName = JBossRecordCopier.threadName(jboss, original);
            ndc = JBossRecordCopier.ndc(jboss, original);
            jbossOriginal = original;
            sourceFileName = callerLocation ? JBossRecordCopier.sourceFileName(jboss, original) : null;
            sourceLineNumber = callerLocation ? JBossRecordCopier.sourceLineNumber(jboss, original) : -1;
        } else {
            threadName = loggingThreadName(original);
            ndc = null;
            jbossOriginal = null;
            sourceFileName = null;
            sourceLineNumber = -1;
        }
        filled = true;
    }

    /**
     * The logging thread's name when this runs on it (the usual case); {@code Thread-<id>} for a record handed on by
     * another thread, such as a memory handler's buffer, since looking a thread up by id is costly.
     */
    @SuppressWarnings("deprecation")
    private static String loggingThreadName(LogRecord original) {
        Thread current = Thread.currentThread();
        return current.getId() == original.getLongThreadID() ? current.getName()
                : "Thread-" + original.getLongThreadID();
    }

    /** Whether {@link #fill} completed; a ring record whose filling failed is skipped. */
    boolean isFilled() {
        return filled;
    }

    /** Whether this came from a JBoss LogManager record, whose kept copies are {@code ExtLogRecord}s. */
    boolean isFromJBoss() {
        return jbossOriginal != null;
    }

    LogRecord jbossOriginal() {
        return jbossOriginal;
    }

    /**
     * A copy for a handler that may keep the record after it returns (a memory handler's buffer, another library's
     * asynchronous handler): what {@link QueueHandler#prepare} makes, an {@code ExtLogRecord} for a JBoss LogManager
     * record and a {@code PreparedRecord} otherwise.
     */
    LogRecord copyToKeep() {
        if (jbossOriginal != null) {
            LogRecord copy = JBossRecordCopier.copy(this);
            if (copy != null) {
                return copy;
            }
        }
        PreparedRecord copy = new PreparedRecord();
        copy.fillFrom(this);
        return copy;
    }

    /** Makes this record a copy of {@code other}, a filled prepared record: what it fixed on the logging thread. */
    void fillFrom(PreparedRecord other) {
        fill(other, other.getMessage(), other.getThrown(), other.callerLocation, other.getCapturedMdc());
    }

    /**
     * Forgets what could keep memory or an application's classes alive once the record is delivered: the message,
     * the exception, the MDC, the original record, and a level of a class other than the JDK's.
     */
    void clear() {
        filled = false;
        setMessage(null);
        setThrown(null);
        mdc = Map.of();
        ndc = null;
        jbossOriginal = null;
        if (getLevel().getClass() != Level.class) {
            setLevel(Level.OFF);
        }
    }

    /** The name of the thread that logged the record. */
    @Override
    public String getThreadName() {
        return threadName;
    }

    @Override
    public Map<String, ?> getCapturedMdc() {
        Map<String, ?> captured = mdc;
        return captured == null ? Map.of() : captured;
    }

    @Override
    public String getNdc() {
        return ndc;
    }

    @Override
    public String getSourceFileName() {
        return sourceFileName;
    }

    @Override
    public int getSourceLineNumber() {
        return sourceLineNumber;
    }
}
