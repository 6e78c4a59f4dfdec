package org.loghandlers.handlers;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.logging.LogRecord;
import org.loghandlers.format.PerClass;

/**
 * Copies a JBoss LogManager {@code org.jboss.logmanager.ExtLogRecord} for {@link QueueHandler#prepare}, keeping
 * its MDC, NDC and thread name, without jboss-logmanager on our class path: the class is recognised by name in the
 * record's own class hierarchy (so a WildFly module's copy is found too), and its methods are looked up once per
 * record class.
 */
final class JBossRecordCopier {

    private static final String EXT_LOG_RECORD = "org.jboss.logmanager.ExtLogRecord";

    private static final PerClass<Copier> COPIERS = new PerClass<>(JBossRecordCopier::lookUp);

    private JBossRecordCopier() {
    }

    private static Copier lookUp(Class<?> recordClass) {
        for (Class<?> type = recordClass; type != null; type = type.getSuperclass()) {
            if (type.getName().equals(EXT_LOG_RECORD)) {
                return Copier.of(type);
            }
        }
        return Copier.NONE;
    }

    /**
     * A copy of {@code record} if it is an ExtLogRecord, else null. The copy keeps the MDC (copied now, on the
     * logging thread), NDC, thread name and, with {@code callerLocation}, the caller; its message is
     * {@code formatted} (then without exception) or the record's merged message, with no parameters.
     */
    static LogRecord copy(LogRecord record, String formatted, boolean callerLocation) {
        Copier copier = COPIERS.get(record.getClass());
        if (copier == Copier.NONE) {
            return null;
        }
        try {
            if (callerLocation) {
                copier.copyAll.invoke(record);
            } else {
                copier.copyMdc.invoke(record);
            }
            LogRecord copy = (LogRecord) copier.copyConstructor.invoke(record);
            if (!callerLocation) {
                copier.disableCallerCalculation.invoke(copy);
            }
            String message = formatted != null ? formatted : (String) copier.formattedMessage.invoke(record);
            copier.setMessageWithStyle.invoke(copy, message, copier.noFormat);
            copy.setParameters(null);
            copy.setResourceBundle(null);
            copy.setResourceBundleName(null);
            if (formatted != null) {
                copy.setThrown(null);
            }
            return copy;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not copy a JBoss ExtLogRecord", e);
        }
    }

    private static final class Copier {

        static final Copier NONE = new Copier(null, null, null, null, null, null, null);

        final MethodHandle copyAll;
        final MethodHandle copyMdc;
        final MethodHandle copyConstructor;
        final MethodHandle disableCallerCalculation;
        final MethodHandle formattedMessage;
        final MethodHandle setMessageWithStyle;
        final Object noFormat;

        private Copier(MethodHandle copyAll, MethodHandle copyMdc, MethodHandle copyConstructor,
                       MethodHandle disableCallerCalculation, MethodHandle formattedMessage,
                       MethodHandle setMessageWithStyle, Object noFormat) {
            this.copyAll = copyAll;
            this.copyMdc = copyMdc;
            this.copyConstructor = copyConstructor;
            this.disableCallerCalculation = disableCallerCalculation;
            this.formattedMessage = formattedMessage;
            this.setMessageWithStyle = setMessageWithStyle;
            this.noFormat = noFormat;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static Copier of(Class<?> extLogRecord) {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodType noArguments = MethodType.methodType(void.class);
            try {
                Class<? extends Enum> formatStyle = Class.forName(EXT_LOG_RECORD + "$FormatStyle", false,
                        extLogRecord.getClassLoader()).asSubclass(Enum.class);
                return new Copier(
                        lookup.findVirtual(extLogRecord, "copyAll", noArguments),
                        lookup.findVirtual(extLogRecord, "copyMdc", noArguments),
                        lookup.findConstructor(extLogRecord, MethodType.methodType(void.class, extLogRecord)),
                        lookup.findVirtual(extLogRecord, "disableCallerCalculation", noArguments),
                        lookup.findVirtual(extLogRecord, "getFormattedMessage", MethodType.methodType(String.class)),
                        lookup.findVirtual(extLogRecord, "setMessage",
                                MethodType.methodType(void.class, String.class, formatStyle)),
                        Enum.valueOf(formatStyle, "NO_FORMAT"));
            } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException e) {
                // Another JBoss LogManager version without these methods: copied as a plain record.
                return NONE;
            }
        }
    }
}
