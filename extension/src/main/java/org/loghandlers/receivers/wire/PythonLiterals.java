package org.loghandlers.receivers.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The text forms protocol-0 pickles use (a quoted Python 2 string, raw-unicode-escape) and short printable excerpts. */
final class PythonLiterals {

    private static final int EXCERPT = 80;

    private PythonLiterals() {
    }

    /** STRING's argument: a Python 2 string literal in single or double quotes, decoded as UTF-8. */
    static String quotedString(String line, int at) throws WireFormatException {
        if (line.length() < 2 || line.charAt(0) != line.charAt(line.length() - 1)
                || (line.charAt(0) != '\'' && line.charAt(0) != '"')) {
            throw RestrictedUnpickler.malformed(at, "STRING argument is not quoted");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(line.length());
        String body = line.substring(1, line.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                bytes.write(c);
                continue;
            }
            if (++i >= body.length()) {
                throw RestrictedUnpickler.malformed(at, "STRING ends with a backslash");
            }
            char escaped = body.charAt(i);
            switch (escaped) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'v' -> bytes.write(11);
                case 'x' -> {
                    bytes.write(hex(body, i + 1, 2, at));
                    i += 2;
                }
                default -> {
                    if (escaped >= '0' && escaped <= '7') {
                        int value = 0;
                        int digits = 0;
                        while (digits < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            value = value * 8 + body.charAt(i++) - '0';
                            digits++;
                        }
                        i--;
                        bytes.write(value & 0xff);
                    } else if (escaped == '\\' || escaped == '\'' || escaped == '"') {
                        bytes.write(escaped);
                    } else {
                        bytes.write('\\');
                        bytes.write(escaped);
                    }
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** UNICODE's argument: Latin-1 text where {@code \\uXXXX} and {@code \\UXXXXXXXX} stand for code points. */
    static String rawUnicodeEscape(String line, int at) throws WireFormatException {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == 'u' || line.charAt(i + 1) == 'U')) {
                int digits = line.charAt(i + 1) == 'u' ? 4 : 8;
                int codePoint = hex(line, i + 2, digits, at);
                if (!Character.isValidCodePoint(codePoint)) {
                    throw RestrictedUnpickler.malformed(at, "UNICODE escape of an invalid code point");
                }
                out.appendCodePoint(codePoint);
                i += 1 + digits;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(String text, int from, int digits, int at) throws WireFormatException {
        if (from + digits > text.length()) {
            throw RestrictedUnpickler.malformed(at, "a truncated escape");
        }
        try {
            return (int) Long.parseLong(text.substring(from, from + digits), 16);
        } catch (NumberFormatException e) {
            throw RestrictedUnpickler.malformed(at, "an escape with non-hex digits");
        }
    }

    /** At most 80 characters of {@code text}, control and non-ASCII characters escaped, for an error message. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < EXCERPT; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        if (out.length() >= EXCERPT) {
            out.append("...");
        }
        return out.toString();
    }

    /** The Python type name of a decoded value, for an error message. */
    static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Number) {
            return value instanceof Double ? "float" : "int";
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
}
