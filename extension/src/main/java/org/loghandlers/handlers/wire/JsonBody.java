package org.loghandlers.handlers.wire;

import java.util.List;

/**
 * The body of a request that carries a batch of records already formatted as JSON values: one JSON array
 * ({@code application/json}) or one value per line ({@code application/x-ndjson}, each line ended by a newline).
 */
public enum JsonBody {

    /** {@code [a,b,c]}. */
    ARRAY("application/json"),
    /** {@code a\nb\nc\n}. */
    LINES("application/x-ndjson");

    private final String contentType;

    JsonBody(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code Content-Type} of such a body, without a charset parameter: JSON is UTF-8. */
    public String contentType() {
        return contentType;
    }

    /** The body for {@code values}, each one JSON text without a line break of its own. */
    public String join(List<String> values) {
        int size = 2 + values.size();
        for (String value : values) {
            size += value.length();
        }
        StringBuilder out = new StringBuilder(size);
        if (this == ARRAY) {
            out.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(values.get(i));
            }
            return out.append(']').toString();
        }
        for (String value : values) {
            out.append(value).append('\n');
        }
        return out.toString();
    }
}
