package org.loghandlers.handlers.wire;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code str()} and {@code repr()} of the values a record's attribute dictionary holds, as a Python
 * receiver would have printed them: {@code null} is {@code None}, booleans are {@code True} and {@code False},
 * floating-point numbers are Python's shortest round-trip form ({@code 1e-05}, {@code 123.0}), an
 * {@code Object[]} is a tuple and text is quoted and escaped as Python quotes it. Other objects have no Python
 * form; they are shown as the quoted text of their {@code toString()}.
 */
public final class PythonRepr {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonRepr() {
    }

    /** Python's {@code str(value)}: text as it is, everything else as {@link #repr}. */
    public static String str(Object value) {
        if (value instanceof CharSequence) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean) {
            out.append((Boolean) value ? "True" : "False");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof Object[]) {
            appendTuple(out, (Object[]) value);
        } else {
            appendString(out, String.valueOf(value));
        }
    }

    private static void appendTuple(StringBuilder out, Object[] items) {
        out.append('(');
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            appendRepr(out, items[i]);
        }
        out.append(items.length == 1 ? ",)" : ")");
    }

    /** Python's {@code repr(str)}: single quotes unless the text has one and no double quote. */
    private static void appendString(StringBuilder out, String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c >= 0x20 && c < 0x7f || c > 0x7f && isPrintable(c)) {
                out.appendCodePoint(c);
            } else if (c <= 0xff) {
                appendHex(out.append("\\x"), c, 2);
            } else if (c <= 0xffff) {
                appendHex(out.append("\\u"), c, 4);
            } else {
                appendHex(out.append("\\U"), c, 8);
            }
        }
        out.append(quote);
    }

    /** Python's {@code str.isprintable()} for one character beyond ASCII: not a control, format or separator. */
    private static boolean isPrintable(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static void appendHex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(value >> shift) & 0xf]);
        }
    }

    /**
     * Python's {@code repr(float)}: the fewest significant digits that read back as the same double, in positional
     * notation for decimal exponents from -4 to 15 and in scientific notation ({@code 1e+16}, {@code 1.5e-05})
     * otherwise.
     */
    public static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        } else if (exponent < 0) {
            out.append("0.");
            out.append("0".repeat(-exponent - 1)).append(digits);
        } else if (exponent >= digits.length() - 1) {
            out.append(digits).append("0".repeat(exponent - (digits.length() - 1))).append(".0");
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return out.toString();
    }

    /**
     * The value rounded to the fewest significant digits (1 to 17) that still read back as {@code value}. Reading
     * back is monotonic in the number of digits, so a binary search finds the fewest.
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        int low = 1;
        int high = 17;
        BigDecimal found = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        while (low < high) {
            int middle = (low + high) >>> 1;
            BigDecimal rounded = exact.round(new MathContext(middle, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                found = rounded;
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return found;
    }
}
