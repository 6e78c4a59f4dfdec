package org.loghandlers.receivers;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Received values as text: Python's {@code str()} of a decoded pickle value ({@code None}, {@code True}, a list's
 * {@code repr}). Bounded: nesting is cut at 20 levels and the text at 64 KiB, since a
 * sender can make a list that contains itself.
 */
final class PythonText {

    private static final int MAX_DEPTH = 20;
    private static final int MAX_LENGTH = 64 * 1024;
    private static final int EXCERPT = 80;

    private PythonText() {
    }

    /** Python's {@code str(value)}. */
    static String str(Object value) {
        if (value instanceof String text) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        repr(value, out, 0);
        return out.toString();
    }

    static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }

    static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof Long || value instanceof BigInteger) {
            return "int";
        } else if (value instanceof String) {
            return "str";
        } else if (value instanceof byte[]) {
            return "bytes";
        } else if (value instanceof Map<?, ?>) {
            return "dict";
        } else if (value instanceof java.util.ArrayList<?>) {
            return "list";
        } else if (value instanceof List<?>) {
            return "tuple";
        }
        return value.getClass().getSimpleName();
    }

    private static void repr(Object value, StringBuilder out, int depth) {
        if (out.length() > MAX_LENGTH) {
            return;
        }
        if (depth > MAX_DEPTH) {
            out.append("...");
        } else if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean flag) {
            out.append(flag ? "True" : "False");
        } else if (value instanceof Double number) {
            out.append(pythonFloat(number));
        } else if (value instanceof String text) {
            quoted(text, out);
        } else if (value instanceof byte[] bytes) {
            out.append("b'");
            for (byte b : bytes) {
                int c = b & 0xff;
                if (c == '\'' || c == '\\') {
                    out.append('\\').append((char) c);
                } else if (c >= 0x20 && c < 0x7f) {
                    out.append((char) c);
                } else {
                    out.append(String.format("\\x%02x", c));
                }
            }
            out.append('\'');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext() && out.length() <= MAX_LENGTH) {
                Map.Entry<?, ?> entry = entries.next();
                repr(entry.getKey(), out, depth + 1);
                out.append(": ");
                repr(entry.getValue(), out, depth + 1);
                if (entries.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            boolean tuple = !(list instanceof java.util.ArrayList<?>);
            out.append(tuple ? '(' : '[');
            for (int i = 0; i < list.size() && out.length() <= MAX_LENGTH; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                repr(list.get(i), out, depth + 1);
            }
            if (tuple && list.size() == 1) {
                out.append(',');
            }
            out.append(tuple ? ')' : ']');
        } else {
            out.append(value);
        }
    }

    private static void quoted(String text, StringBuilder out) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(quote);
    }

    /** Python's {@code repr} of a float for the common cases: {@code 1.0}, {@code 0.25}, {@code inf}, {@code nan}. */
    private static String pythonFloat(double number) {
        if (Double.isNaN(number)) {
            return "nan";
        }
        if (Double.isInfinite(number)) {
            return number > 0 ? "inf" : "-inf";
        }
        if (number == Math.rint(number) && Math.abs(number) < 1e16) {
            return String.format("%.1f", number);
        }
        return Double.toString(number).replace("E", "e");
    }
}
