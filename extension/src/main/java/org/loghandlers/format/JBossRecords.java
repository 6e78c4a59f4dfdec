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

    /** The first ExtLogRecord class met and its getters, staged for {@link FirstClass}; set once, under a lock. */
    private static volatile Getters firstGetters;
    private static volatile Class<?> firstType;

    private static Getters lookUp(Class<?> recordClass) {
        for (Class<?> type = recordClass; type != null; type = type.getSuperclass()) {
            if (type.getName().equals(EXT_LOG_RECORD)) {
                Getters getters = Getters.of(type);
                if (firstType == null) {
                    firstGetters = getters;
                    firstType = recordClass;
                }
                return getters;
            }
        }
        return Getters.NONE;
    }

    /**
     * Whether {@link FirstClass} holds the getters of the record's class: looked at after {@link #firstType}, so that
     * the holder is initialised only once a class was staged.
     */
    private static boolean isOfFirstClass(LogRecord record) {
        Class<?> type = record.getClass();
        return type == firstType && type == FirstClass.TYPE;
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
        if (isOfFirstClass(record)) {
            return (Map<String, ?>) Getters.call(FirstClass.MDC_COPY, record);
        }
        Getters getters = gettersOf(record);
        return (Map<String, ?>) Getters.call(getters.mdcCopy, record);
    }

    /** The name of the thread that logged, captured by JBoss when the record was made; null if unknown. */
    static String threadName(LogRecord record) {
        if (isOfFirstClass(record)) {
            return (String) Getters.call(FirstClass.THREAD_NAME, record);
        }
        Getters getters = gettersOf(record);
        return (String) Getters.call(getters.threadName, record);
    }

    /** The message merged by JBoss (its printf or MessageFormat style); null if not an ExtLogRecord. */
    static String formattedMessage(LogRecord record) {
        if (isOfFirstClass(record)) {
            return (String) Getters.call(FirstClass.FORMATTED_MESSAGE, record);
        }
        Getters getters = gettersOf(record);
        return (String) Getters.call(getters.formattedMessage, record);
    }

    /** The source file name JBoss found for the caller, or a {@link CapturedRecord} carries; null if unknown. */
    static String sourceFileName(LogRecord record) {
        if (record instanceof CapturedRecord) {
            return ((CapturedRecord) record).getSourceFileName();
        }
        Getters getters = gettersOf(record);
        return (String) Getters.call(getters.sourceFileName, record);
    }

    /** The source line JBoss found for the caller, or a {@link CapturedRecord} carries; -1 if unknown. */
    static int sourceLineNumber(LogRecord record) {
        if (record instanceof CapturedRecord) {
            return ((CapturedRecord) record).getSourceLineNumber();
        }
        Getters getters = gettersOf(record);
        Object line = Getters.call(getters.sourceLineNumber, record);
        return line == null ? -1 : (Integer) line;
    }

    /**
     * The first record class's getters that formatting calls for every record, in static final fields, which the JIT
     * inlines as it would a direct call (a handle read from {@link Getters} goes through its lambda forms each
     * time). A log manager makes records of one class, so in practice every record takes this path. If something
     * initialises the class before {@link #lookUp} staged one (a scan that loads every class), it holds no class and
     * every record takes the lookup.
     */
    private static final class FirstClass {
        /** Read before the getters: {@link #lookUp} stages the getters first, so a class seen here has them. */
        static final Class<?> TYPE = firstType;
        static final MethodHandle MDC_COPY = TYPE == null ? null : firstGetters.mdcCopy;
        static final MethodHandle THREAD_NAME = TYPE == null ? null : firstGetters.threadName;
        static final MethodHandle FORMATTED_MESSAGE = TYPE == null ? null : firstGetters.formattedMessage;

        private FirstClass() {
        }
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

        static Object call(MethodHandle getter, LogRecord record) {
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
