package org.loghandlers.handlers;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.logging.LogRecord;
import org.loghandlers.format.PerClass;

/**
 * What a queue needs of a JBoss LogManager {@code org.jboss.logmanager.ExtLogRecord}, without jboss-logmanager on our
 * class path: on the logging thread, its merged message, MDC, NDC, thread name and caller's file and line; for a
 * handler that keeps records, a copy of its own kind. The class is recognised by name in the record's class
 * hierarchy (so a WildFly module's copy is found too), and its methods are looked up once per record class.
 *
 * <p>The MDC is read without allocating when the logging thread's MDC is empty: the record's own MDC copy, if it
 * has one, is read from its field (where the class is open to us, as on the class path and in JBoss Modules), and
 * only a non-empty MDC is copied ({@code copyMdc}, as JBoss's own asynchronous handler does). Where the field cannot
 * be read, {@code getMdcCopy()} is used, which always copies.
 */
final class JBossRecordCopier {

    private static final String EXT_LOG_RECORD = "org.jboss.logmanager.ExtLogRecord";

    private static final PerClass<Access> ACCESS = new PerClass<>(JBossRecordCopier::lookUp);

    private JBossRecordCopier() {
    }

    /** The first record class's methods, staged for {@link FirstClass}; set once, under {@link PerClass}'s lock. */
    private static volatile Access firstAccess;

    private static Access lookUp(Class<?> recordClass) {
        for (Class<?> type = recordClass; type != null; type = type.getSuperclass()) {
            if (type.getName().equals(EXT_LOG_RECORD)) {
                Access access = Access.of(type);
                if (access != Access.NONE && firstAccess == null) {
                    firstAccess = access;
                }
                return access;
            }
        }
        return Access.NONE;
    }

    /**
     * The methods of {@code record}'s class if it is an ExtLogRecord of a version we know, else null: looked up once
     * a record, then passed to the methods below.
     */
    static Access accessOf(LogRecord record) {
        Class<?> type = record.getClass();
        if (type == LogRecord.class || type == PreparedRecord.class) {
            return null;
        }
        Access access = ACCESS.get(type);
        return access == Access.NONE ? null : access;
    }

    /** The message merged in the record's own style (printf or {@code MessageFormat}). */
    static String formattedMessage(Access access, LogRecord record) {
        return access == FirstClass.ACCESS
                ? text(FirstClass.FORMATTED_MESSAGE, record) : text(access.formattedMessage, record);
    }

    /** The name of the thread that logged, which JBoss captures when it makes the record. */
    static String threadName(Access access, LogRecord record) {
        return access == FirstClass.ACCESS ? text(FirstClass.THREAD_NAME, record) : text(access.threadName, record);
    }

    static String ndc(Access access, LogRecord record) {
        return access == FirstClass.ACCESS ? text(FirstClass.NDC, record) : text(access.ndc, record);
    }

    /** The caller's source file; finds the caller first if JBoss has not yet. */
    static String sourceFileName(Access access, LogRecord record) {
        return text(access.sourceFileName, record);
    }

    static int sourceLineNumber(Access access, LogRecord record) {
        try {
            return (int) access.sourceLineNumber.invokeExact(record);
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    private static String text(MethodHandle getter, LogRecord record) {
        try {
            return (String) getter.invokeExact(record);
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    /**
     * The record's MDC as it is now on the logging thread: the record's own copy if it has one, else the thread's,
     * copied into the record ({@code copyMdc}) unless it is empty; an empty map allocates nothing.
     */
    static Map<String, ?> mdc(Access access, LogRecord record) {
        if (access == FirstClass.ACCESS) {
            return mdc(FirstClass.MDC_FIELD, FirstClass.MDC_COPY, FirstClass.THREAD_MDC_IS_EMPTY,
                    FirstClass.COPY_MDC, record);
        }
        return mdc(access.mdcField, access.mdcCopy, access.threadMdcIsEmpty, access.copyMdc, record);
    }

    private static Map<String, ?> mdc(MethodHandle mdcField, MethodHandle mdcCopy, MethodHandle threadMdcIsEmpty,
                                      MethodHandle copyMdc, LogRecord record) {
        try {
            if (mdcField == null) {
                Map<?, ?> copy = (Map<?, ?>) mdcCopy.invokeExact(record);
                return copy == null ? Map.of() : uncheckedMdc(copy);
            }
            Map<?, ?> own = (Map<?, ?>) mdcField.invokeExact(record);
            if (own == null) {
                if (threadMdcIsEmpty != null && (boolean) threadMdcIsEmpty.invokeExact()) {
                    return Map.of();
                }
                copyMdc.invokeExact(record);
                own = (Map<?, ?>) mdcField.invokeExact(record);
            }
            return own == null ? Map.of() : uncheckedMdc(own);
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> uncheckedMdc(Map<?, ?> mdc) {
        return (Map<String, ?>) mdc;
    }

    /**
     * An ExtLogRecord with what {@code prepared} fixed on the logging thread (message without parameters, exception,
     * thread name, MDC, NDC, caller), and the rest (host and process names, marker, module) from the record it was
     * prepared from; null if that record's class cannot be copied.
     */
    static LogRecord copy(PreparedRecord prepared) {
        LogRecord original = prepared.jbossOriginal();
        Access access = ACCESS.get(original.getClass());
        if (access == Access.NONE) {
            return null;
        }
        try {
            LogRecord copy = (LogRecord) access.copyConstructor.invokeExact(original);
            copy.setSourceClassName(prepared.getSourceClassName());
            copy.setSourceMethodName(prepared.getSourceMethodName());
            access.setSourceFileName.invokeExact(copy, prepared.getSourceFileName());
            access.setSourceLineNumber.invokeExact(copy, prepared.getSourceLineNumber());
            access.setMessageNoFormat.invokeExact(copy, prepared.getMessage());
            copy.setParameters(null);
            copy.setResourceBundle(null);
            copy.setResourceBundleName(null);
            copy.setThrown(prepared.getThrown());
            access.setMdc.invokeExact(copy, (Map<?, ?>) prepared.getCapturedMdc());
            access.setNdc.invokeExact(copy, prepared.getNdc());
            access.setThreadName.invokeExact(copy, prepared.getThreadName());
            return copy;
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    private static RuntimeException rethrown(Throwable e) {
        if (e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        return new IllegalStateException("could not use a JBoss ExtLogRecord", e);
    }

    /**
     * The first record class's methods that a queue calls on the logging thread for every record, in static final
     * fields: the JIT inlines a call through a constant handle as it would a direct call, where a handle read from an
     * {@link Access} goes through its lambda forms each time. A log manager makes records of one class, so in practice
     * every record takes this path; a record of another class uses its own {@link Access}. Used only with an
     * {@code Access} that {@link #lookUp} made, so normally initialised after it staged {@link #firstAccess}; if
     * something initialises the class before that (a scan that loads every class), it holds nothing and every record
     * takes its own {@code Access}.
     */
    private static final class FirstClass {
        static final Access ACCESS = firstAccess;
        static final MethodHandle FORMATTED_MESSAGE = ACCESS == null ? null : ACCESS.formattedMessage;
        static final MethodHandle THREAD_NAME = ACCESS == null ? null : ACCESS.threadName;
        static final MethodHandle NDC = ACCESS == null ? null : ACCESS.ndc;
        static final MethodHandle MDC_FIELD = ACCESS == null ? null : ACCESS.mdcField;
        static final MethodHandle MDC_COPY = ACCESS == null ? null : ACCESS.mdcCopy;
        static final MethodHandle COPY_MDC = ACCESS == null ? null : ACCESS.copyMdc;
        static final MethodHandle THREAD_MDC_IS_EMPTY = ACCESS == null ? null : ACCESS.threadMdcIsEmpty;

        private FirstClass() {
        }
    }

    /** The ExtLogRecord methods of one record class, adapted to {@code LogRecord} so they are called exactly. */
    static final class Access {

        static final Access NONE = new Access();

        MethodHandle formattedMessage;
        MethodHandle threadName;
        MethodHandle ndc;
        MethodHandle sourceFileName;
        MethodHandle sourceLineNumber;
        /** Reads the private field {@code mdcCopy}; null where the class is not open to us. */
        MethodHandle mdcField;
        MethodHandle mdcCopy;
        MethodHandle copyMdc;
        /** {@code MDC.isEmpty()}, absent before JBoss LogManager 3: then the MDC is always copied. */
        MethodHandle threadMdcIsEmpty;
        MethodHandle copyConstructor;
        MethodHandle setMessageNoFormat;
        MethodHandle setMdc;
        MethodHandle setNdc;
        MethodHandle setThreadName;
        MethodHandle setSourceFileName;
        MethodHandle setSourceLineNumber;

        @SuppressWarnings({"unchecked", "rawtypes"})
        static Access of(Class<?> extLogRecord) {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Access access = new Access();
            try {
                ClassLoader loader = extLogRecord.getClassLoader();
                Class<? extends Enum> formatStyle = Class.forName(EXT_LOG_RECORD + "$FormatStyle", false, loader)
                        .asSubclass(Enum.class);
                access.formattedMessage = getter(lookup, extLogRecord, "getFormattedMessage", String.class);
                access.threadName = getter(lookup, extLogRecord, "getThreadName", String.class);
                access.ndc = getter(lookup, extLogRecord, "getNdc", String.class);
                access.sourceFileName = getter(lookup, extLogRecord, "getSourceFileName", String.class);
                access.sourceLineNumber = getter(lookup, extLogRecord, "getSourceLineNumber", int.class);
                access.mdcCopy = lookup.findVirtual(extLogRecord, "getMdcCopy", MethodType.methodType(Map.class))
                        .asType(MethodType.methodType(Map.class, LogRecord.class));
                access.copyMdc = lookup.findVirtual(extLogRecord, "copyMdc", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, LogRecord.class));
                access.threadMdcIsEmpty = threadMdcIsEmpty(lookup, loader);
                access.mdcField = mdcField(extLogRecord);
                access.copyConstructor = lookup.findConstructor(extLogRecord,
                                MethodType.methodType(void.class, extLogRecord))
                        .asType(MethodType.methodType(LogRecord.class, LogRecord.class));
                access.setMessageNoFormat = MethodHandles.insertArguments(lookup.findVirtual(extLogRecord,
                                "setMessage", MethodType.methodType(void.class, String.class, formatStyle)), 2,
                                Enum.valueOf(formatStyle, "NO_FORMAT"))
                        .asType(MethodType.methodType(void.class, LogRecord.class, String.class));
                access.setMdc = setter(lookup, extLogRecord, "setMdc", Map.class);
                access.setNdc = setter(lookup, extLogRecord, "setNdc", String.class);
                access.setThreadName = setter(lookup, extLogRecord, "setThreadName", String.class);
                access.setSourceFileName = setter(lookup, extLogRecord, "setSourceFileName", String.class);
                access.setSourceLineNumber = setter(lookup, extLogRecord, "setSourceLineNumber", int.class);
                return access;
            } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException e) {
                // Another JBoss LogManager version without these methods: its records are prepared as plain ones.
                return NONE;
            }
        }

        private static MethodHandle getter(MethodHandles.Lookup lookup, Class<?> type, String name, Class<?> returned)
                throws ReflectiveOperationException {
            return lookup.findVirtual(type, name, MethodType.methodType(returned))
                    .asType(MethodType.methodType(returned, LogRecord.class));
        }

        private static MethodHandle setter(MethodHandles.Lookup lookup, Class<?> type, String name, Class<?> value)
                throws ReflectiveOperationException {
            return lookup.findVirtual(type, name, MethodType.methodType(void.class, value))
                    .asType(MethodType.methodType(void.class, LogRecord.class, value));
        }

        private static MethodHandle threadMdcIsEmpty(MethodHandles.Lookup lookup, ClassLoader loader) {
            try {
                Class<?> mdc = Class.forName("org.jboss.logmanager.MDC", false, loader);
                return lookup.findStatic(mdc, "isEmpty", MethodType.methodType(boolean.class));
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }

        private static MethodHandle mdcField(Class<?> extLogRecord) {
            try {
                MethodHandles.Lookup inside = MethodHandles.privateLookupIn(extLogRecord, MethodHandles.lookup());
                Class<?> fieldType = extLogRecord.getDeclaredField("mdcCopy").getType();
                if (!Map.class.isAssignableFrom(fieldType)) {
                    return null;
                }
                return inside.findGetter(extLogRecord, "mdcCopy", fieldType)
                        .asType(MethodType.methodType(Map.class, LogRecord.class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;
            }
        }
    }
}
