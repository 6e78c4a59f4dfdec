package org.loghandlers.handlers;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.loghandlers.format.JsonFormatter;

/** What {@link KafkaHandler} sends as a record's value: its {@code format} option. */
enum KafkaPayload {

    /** The one-line JSON object of {@link JsonFormatter}, in UTF-8. */
    JSON("json"),
    /** The handler's formatter's text, in the handler's encoding (UTF-8 unless set). */
    TEXT("text");

    private static final JsonFormatter JSON_FORMATTER = new JsonFormatter();

    private final String configName;

    KafkaPayload(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    /** The format named {@code value}, or null when {@code value} names none (it may be a Python format string). */
    static KafkaPayload named(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (KafkaPayload payload : values()) {
            if (payload.configName.equals(wanted)) {
                return payload;
            }
        }
        return null;
    }

    /** The bytes of {@code record}; {@code formatter} and {@code charset} are the handler's, for {@link #TEXT}. */
    byte[] encode(LogRecord record, Formatter formatter, Charset charset) {
        if (this == JSON) {
            return JSON_FORMATTER.format(record).getBytes(StandardCharsets.UTF_8);
        }
        return formatter.format(record).getBytes(charset);
    }
}
