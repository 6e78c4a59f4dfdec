package org.loghandlers.handlers;

import java.nio.charset.StandardCharsets;
import java.util.logging.LogRecord;

import org.loghandlers.format.RecordMdc;
import org.loghandlers.handlers.wire.SenderHeaders;

/** The {@code key} option of {@link KafkaHandler}: what a record's Kafka key is made of. */
final class KafkaRecordKey {

    private enum Kind { SENDER, LOGGER, NONE, MDC }

    static final KafkaRecordKey SENDER = new KafkaRecordKey(Kind.SENDER, null);
    private static final KafkaRecordKey LOGGER = new KafkaRecordKey(Kind.LOGGER, null);
    private static final KafkaRecordKey NONE = new KafkaRecordKey(Kind.NONE, null);
    private static final String MDC_PREFIX = "mdc:";

    private final Kind kind;
    private final String mdcKey;

    private KafkaRecordKey(Kind kind, String mdcKey) {
        this.kind = kind;
        this.mdcKey = mdcKey;
    }

    /**
     * The key named {@code text}: {@code sender}, {@code logger}, {@code none} or {@code mdc:<key>}.
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    static KafkaRecordKey parse(String text) {
        String value = text == null ? "" : text.trim();
        switch (value) {
            case "sender":
                return SENDER;
            case "logger":
                return LOGGER;
            case "none":
                return NONE;
            default:
                if (value.startsWith(MDC_PREFIX) && !value.substring(MDC_PREFIX.length()).isBlank()) {
                    return new KafkaRecordKey(Kind.MDC, value.substring(MDC_PREFIX.length()).trim());
                }
                throw new IllegalArgumentException("key: '" + text + "' is not a record key; accepted: sender,"
                        + " logger, none or mdc:<key> (such as mdc:requestId)");
        }
    }

    String configName() {
        return kind == Kind.MDC ? MDC_PREFIX + mdcKey : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The key bytes of {@code record}: null for no key. */
    byte[] of(LogRecord record, SenderHeaders.Sender sender) {
        String text;
        switch (kind) {
            case SENDER:
                text = sender.id();
                break;
            case LOGGER:
                text = record.getLoggerName();
                break;
            case MDC:
                text = RecordMdc.of(record).get(mdcKey);
                break;
            default:
                text = null;
        }
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
