package org.loghandlers.handlers.wire;

import java.util.Map;
import java.util.TreeMap;

/**
 * One RFC 5424 SD-ELEMENT, {@code [id name="value" ...]}, such as the MDC of a record: parameter names are made
 * valid SD-NAMEs (a character RFC 5424 forbids becomes {@code _}, at most 32), values are escaped ({@code "},
 * {@code \} and {@code ]} get a backslash), parameters are in name order. No parameters is the NILVALUE {@code -}.
 */
public final class StructuredData {

    /** No structured data: {@code -}. */
    public static final StructuredData NONE = new StructuredData(null, Map.of());

    private static final int MAX_NAME = 32;

    private final String id;
    private final Map<String, String> parameters;

    private StructuredData(String id, Map<String, String> parameters) {
        this.id = id;
        this.parameters = parameters;
    }

    /** An element {@code id} with {@code parameters}; {@link #NONE} when there are none or {@code id} is null. */
    public static StructuredData of(String id, Map<String, String> parameters) {
        if (id == null || parameters == null || parameters.isEmpty()) {
            return NONE;
        }
        return new StructuredData(id, new TreeMap<>(parameters));
    }

    /**
     * {@code id} if it is a valid SD-ID: 1 to 32 printable ASCII characters but {@code = ] "} and space. RFC 5424
     * wants a registered name or {@code name@<private enterprise number>}.
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static String checkId(String option, String id) {
        if (id.isEmpty() || id.length() > MAX_NAME || !sdName(id).equals(id)) {
            throw new IllegalArgumentException(option + ": '" + id + "' is not an RFC 5424 SD-ID; expected 1 to 32"
                    + " printable ASCII characters without space, =, ] or \", such as mdc@32473 (name@<your private"
                    + " enterprise number>), or an empty value for no structured data");
        }
        return id;
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** Appends the element in UTF-8, or {@code -} when there is none. */
    public void appendTo(MessageBytes out) {
        if (parameters.isEmpty()) {
            out.appendUtf8(HeaderField.NIL);
            return;
        }
        StringBuilder text = new StringBuilder(64);
        appendTo(text);
        out.appendUtf8(text);
    }

    /** Appends the element, or {@code -} when there is none. */
    public void appendTo(StringBuilder out) {
        if (parameters.isEmpty()) {
            out.append(HeaderField.NIL);
            return;
        }
        out.append('[').append(id);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            out.append(' ').append(sdName(parameter.getKey())).append("=\"");
            appendEscaped(out, parameter.getValue() == null ? "" : parameter.getValue());
            out.append('"');
        }
        out.append(']');
    }

    static String sdName(String name) {
        if (name == null || name.isEmpty()) {
            return "_";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX_NAME));
        for (int i = 0; i < name.length() && out.length() < MAX_NAME; i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 33 && c <= 126 && c != '=' && c != ']' && c != '"';
            out.append(allowed ? c : '_');
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }
}
