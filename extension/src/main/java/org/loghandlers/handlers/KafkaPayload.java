package org.loghandlers.handlers;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.loghandlers.format.JsonFormatter;
import org.loghandlers.format.PythonFormatter;
import org.loghandlers.format.PythonRecordDict;
import org.loghandlers.handlers.wire.PickleWriter;

/** What {@link KafkaHandler} sends as a record's value: its {@code format} option. */
enum KafkaPayload {

    /** The one-line JSON object of {@link JsonFormatter}, in UTF-8. */
    JSON("json"),
    /**
     * The pickle (protocol 1) of the record's attribute dict, as Python's {@code SocketHandler} pickles it without its
     * length prefix: {@code logging.makeLogRecord(pickle.loads(value))} makes the record again.
     */
    PYTHON("python"),
    /** The handler's formatter's text, in the handler's encoding (UTF-8 unless set). */
    TEXT("text");

    private static final JsonFormatter JSON_FORMATTER = new JsonFormatter();
    /** Merges a message with its parameters for the pickled dict, as {@code record.getMessage()} does in Python. */
    private static final Formatter MESSAGE_MERGER = new PythonFormatter(PythonFormatter.DEFAULT_FORMAT);

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
        if (this == PYTHON) {
            return PickleWriter.dumps(PythonRecordDict.merged(record, MESSAGE_MERGER));
        }
        return formatter.format(record).getBytes(charset);
    }
}
