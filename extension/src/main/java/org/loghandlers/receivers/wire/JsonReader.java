package org.loghandlers.receivers.wire;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON text (RFC 8259), such as a line the {@link org.loghandlers.format.JsonFormatter} wrote: objects
 * are {@link LinkedHashMap}s in the text's order, arrays {@link ArrayList}s, numbers {@link Long} (or
 * {@link BigInteger}) when integral and {@link Double} otherwise, and {@code true}, {@code false}, {@code null} as
 * Boolean and null. Nesting deeper than 64 levels, anything after the value but white space, and every deviation
 * from the grammar are a {@link WireFormatException} naming the offset.
 */
public final class JsonReader {

    static final int MAX_DEPTH = 64;

    private final String text;
    private int position;

    private JsonReader(String text) {
        this.text = text;
    }

    public static Object parse(String text) throws WireFormatException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhiteSpace();
        Object value = reader.value(0);
        reader.skipWhiteSpace();
        if (reader.position != text.length()) {
            throw reader.malformed("text after the value");
        }
        return value;
    }

    private Object value(int depth) throws WireFormatException {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (position >= text.length()) {
            throw malformed("the text ends where a value should be");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw malformed("unexpected character " + describe(c));
        }
    }

    private Map<String, Object> object(int depth) throws WireFormatException {
        Map<String, Object> object = new LinkedHashMap<>();
        position++;
        skipWhiteSpace();
        if (peekIs('}')) {
            position++;
            return object;
        }
        while (true) {
            skipWhiteSpace();
            if (!peekIs('"')) {
                throw malformed("an object key must be a string");
            }
            String key = string();
            skipWhiteSpace();
            expect(':');
            skipWhiteSpace();
            object.put(key, value(depth + 1));
            skipWhiteSpace();
            if (peekIs(',')) {
                position++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array(int depth) throws WireFormatException {
        List<Object> array = new ArrayList<>();
        position++;
        skipWhiteSpace();
        if (peekIs(']')) {
            position++;
            return array;
        }
        while (true) {
            skipWhiteSpace();
            array.add(value(depth + 1));
            skipWhiteSpace();
            if (peekIs(',')) {
                position++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() throws WireFormatException {
        position++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw malformed("a string without its closing quote");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw malformed("an unescaped control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw malformed("a string ends with a backslash");
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw malformed("a truncated \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    } catch (NumberFormatException e) {
                        throw malformed("a \\u escape with non-hex digits");
                    }
                    position += 4;
                }
                default -> throw malformed("an unknown escape \\" + describe(escaped));
            }
        }
    }

    private Object literal(String word, Object value) throws WireFormatException {
        if (!text.startsWith(word, position)) {
            throw malformed("expected " + word);
        }
        position += word.length();
        return value;
    }

    private Object number() throws WireFormatException {
        int start = position;
        if (peekIs('-')) {
            position++;
        }
        if (peekIs('0')) {
            position++;
        } else if (!digits()) {
            throw malformed("a number without digits");
        }
        boolean integral = true;
        if (peekIs('.')) {
            position++;
            integral = false;
            if (!digits()) {
                throw malformed("a number without digits after its decimal point");
            }
        }
        if (peekIs('e') || peekIs('E')) {
            position++;
            integral = false;
            if (peekIs('+') || peekIs('-')) {
                position++;
            }
            if (!digits()) {
                throw malformed("a number without digits in its exponent");
            }
        }
        String number = text.substring(start, position);
        if (!integral) {
            return Double.valueOf(number);
        }
        if (number.length() > RestrictedUnpickler.MAX_INT_DIGITS) {
            throw malformed("an integer of " + number.length() + " digits");
        }
        BigInteger value = new BigInteger(number);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private boolean digits() {
        int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        return position > start;
    }

    private boolean peekIs(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char c) throws WireFormatException {
        if (!peekIs(c)) {
            throw malformed(position < text.length() ? "expected '" + c + "', found "
                    + describe(text.charAt(position)) : "the text ends where '" + c + "' should be");
        }
        position++;
    }

    private void skipWhiteSpace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private WireFormatException malformed(String what) {
        return new WireFormatException("malformed JSON at offset " + position + ": " + what);
    }
}
