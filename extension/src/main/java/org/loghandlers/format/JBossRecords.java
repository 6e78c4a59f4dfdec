package org.loghandlers.format;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.logging.LogRecord;

/**
 * Reads the extra fields of a JBoss LogManager {@code org.jboss.logmanager.ExtLogRecord} (MDC, thread name, merged
 * message, source file and line) when a record is one, without jboss-logmanager on the class path: the getters are
 * looked up once per record class, and a plain {@link LogRecord} answers "absent".
 */
final class JBossRecords {

    static final String EXT_LOG_RECORD = "org.jboss.logmanager.ExtLogRecord";

    private static final PerClass<Getters> GETTERS = new PerClass<>(JBossRecords::lookUp);

    private JBossRecords() {
    }

    /** A JDK record, the common case under the JDK LogManager, needs no lookup. */
    private static Getters gettersOf(LogRecord record) {
        Class<?> recordClass = record.getClass();
        return recordClass == LogRecord.class ? Getters.NONE : GETTERS.get(recordClass);
    }

    private static Getters lookUp(Class<?> recordClass) {
        for (Class<?> type = recordClass; type != null; type = type.getSuperclass()) {
            if (type.getName().equals(EXT_LOG_RECORD)) {
                return Getters.of(type);
            }
        }
        return Getters.NONE;
    }

    /**
     * The record's MDC: the one a {@link CapturedRecord} carries, an ExtLogRecord's copy, or null when the record
     * has none.
     */
    @SuppressWarnings("unchecked")
    static Map<String, ?> mdc(LogRecord record) {
        if (record instanceof CapturedRecord) {
            return ((CapturedRecord) record).getCapturedMdc();
        }
        Getters getters = gettersOf(record);
        return (Map<String, ?>) getters.call(getters.mdcCopy, record);
    }

    /** The name of the thread that logged, captured by JBoss when the record was made; null if unknown. */
    static String threadName(LogRecord record) {
        Getters getters = gettersOf(record);
        return (String) getters.call(getters.threadName, record);
    }

    /** The message merged by JBoss (its printf or MessageFormat style); null if not an ExtLogRecord. */
    static String formattedMessage(LogRecord record) {
        Getters getters = gettersOf(record);
        return (String) getters.call(getters.formattedMessage, record);
    }

    /** The source file name JBoss found for the caller, or a {@link CapturedRecord} carries; null if unknown. */
    static String sourceFileName(LogRecord record) {
        if (record instanceof CapturedRecord) {
            return ((CapturedRecord) record).getSourceFileName();
        }
        Getters getters = gettersOf(record);
        return (String) getters.call(getters.sourceFileName, record);
    }

    /** The source line JBoss found for the caller, or a {@link CapturedRecord} carries; -1 if unknown. */
    static int sourceLineNumber(LogRecord record) {
        if (record instanceof CapturedRecord) {
            return ((CapturedRecord) record).getSourceLineNumber();
        }
        Getters getters = gettersOf(record);
        Object line = getters.call(getters.sourceLineNumber, record);
        return line == null ? -1 : (Integer) line;
    }

    private static final class Getters {
        static final Getters NONE = new Getters(null, null, null, null, null);

        final MethodHandle mdcCopy;
        final MethodHandle threadName;
        final MethodHandle formattedMessage;
        final MethodHandle sourceFileName;
        final MethodHandle sourceLineNumber;

        private Getters(MethodHandle mdcCopy, MethodHandle threadName, MethodHandle formattedMessage,
                MethodHandle sourceFileName, MethodHandle sourceLineNumber) {
            this.mdcCopy = mdcCopy;
            this.threadName = threadName;
            this.formattedMessage = formattedMessage;
            this.sourceFileName = sourceFileName;
            this.sourceLineNumber = sourceLineNumber;
        }

        static Getters of(Class<?> extLogRecord) {
            return new Getters(getter(extLogRecord, "getMdcCopy", Map.class),
                    getter(extLogRecord, "getThreadName", String.class),
                    getter(extLogRecord, "getFormattedMessage", String.class),
                    getter(extLogRecord, "getSourceFileName", String.class),
                    getter(extLogRecord, "getSourceLineNumber", int.class));
        }

        private static MethodHandle getter(Class<?> type, String name, Class<?> returnType) {
            try {
                return MethodHandles.publicLookup().findVirtual(type, name, MethodType.methodType(returnType))
                        .asType(MethodType.methodType(Object.class, LogRecord.class));
            } catch (ReflectiveOperationException | RuntimeException absent) {
                return null;
            }
        }

        Object call(MethodHandle getter, LogRecord record) {
            if (getter == null) {
                return null;
            }
            try {
                return (Object) getter.invokeExact(record);
            } catch (RuntimeException | Error failure) {
                throw failure;
            } catch (Throwable impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
