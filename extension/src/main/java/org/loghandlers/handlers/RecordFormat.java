package org.loghandlers.handlers;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.loghandlers.format.JsonFormatter;
import org.loghandlers.format.PythonFormatter;

/**
 * What {@link SocketHandler} and {@link DatagramHandler} send for a record: Python's pickle frame, or a line of
 * JSON for receivers that are not Python.
 */
enum RecordFormat {

    /**
     * {@code SocketHandler.makePickle}: a 4-byte big-endian length, then the pickle (protocol 1) of the record's
     * dictionary, the message merged with its parameters by the handler's formatter.
     */
    PICKLE("pickle"),
    /** One JSON object and a newline: the handler's formatter, a {@link JsonFormatter} unless one is set. */
    JSON("json");

    private static final Formatter MESSAGE_MERGER = new PythonFormatter(PythonFormatter.DEFAULT_FORMAT);

    private final String configName;

    RecordFormat(String configName) {
        this.configName = configName;
    }

    String configName() {
        return configName;
    }

    /**
     * The format named {@code value} ({@code pickle} or {@code json}, any case, blanks around ignored).
     *
     * @throws IllegalArgumentException naming the option and the accepted values
     */
    static RecordFormat parse(String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (RecordFormat format : values()) {
                if (format.configName.equals(wanted)) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("format: '" + value + "' is not a record format; expected pickle"
                + " (Python's SocketHandler frame, the default) or json (one JSON object per line)");
    }

    /** Python's socket frame of {@code record}: {@code struct.pack(">L", len(p)) + p}. */
    static byte[] pickleFrame(LogRecord record, Formatter formatter) {
        PickledRecord pickled = PickledRecord.take();
        try {
            return pickled.frameCopy(record, messageMerger(formatter));
        } finally {
            pickled.release();
        }
    }

    /** What merges a pickled record's message with its parameters: the handler's formatter, else Python's. */
    static Formatter messageMerger(Formatter formatter) {
        return formatter != null ? formatter : MESSAGE_MERGER;
    }

    /** The JSON line of {@code record}, UTF-8, ending in a newline (not added twice). */
    static byte[] jsonLine(LogRecord record, Formatter formatter) {
        String text = formatter.format(record);
        return (text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
