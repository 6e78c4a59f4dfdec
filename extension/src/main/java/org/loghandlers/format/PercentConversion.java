package org.loghandlers.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One Python printf-style conversion ({@code -8s}, {@code 03d}, {@code .3f}...) applied to a text, an integer or a
 * floating-point value, with the results Python's {@code %} operator gives: floats are rounded half-even on their
 * exact binary value (as C's printf does), {@code %s} of a float is Python's {@code repr}, {@code %d} of a float
 * truncates toward zero, and width and precision count code points.
 */
final class PercentConversion {

    static final String ACCEPTED_CONVERSIONS = "s d i u o x X e E f F g G";

    private final boolean leftAlign;
    private final boolean zeroPad;
    private final boolean plusSign;
    private final boolean spaceSign;
    private final boolean alternate;
    private final int width;
    private final int precision;
    private final char conversion;

    PercentConversion(String flags, int width, int precision, char conversion) {
        this.leftAlign = flags.indexOf('-') >= 0;
        this.zeroPad = flags.indexOf('0') >= 0 && !leftAlign;
        this.plusSign = flags.indexOf('+') >= 0;
        this.spaceSign = flags.indexOf(' ') >= 0 && !plusSign;
        this.alternate = flags.indexOf('#') >= 0;
        this.width = width;
        this.precision = precision;
        this.conversion = conversion;
    }

    static boolean isTextConversion(char c) {
        return c == 's';
    }

    static boolean isIntegerOnlyConversion(char c) {
        return c == 'o' || c == 'x' || c == 'X';
    }

    static boolean isKnownConversion(char c) {
        return ACCEPTED_CONVERSIONS.indexOf(c) >= 0 && c != ' ';
    }

    char conversion() {
        return conversion;
    }

    boolean isPlainText() {
        return conversion == 's' && width < 0 && precision < 0;
    }

    void appendText(StringBuilder out, String text) {
        if (width < 0 && precision < 0) {
            out.append(text);
            return;
        }
        String shown = text;
        if (precision >= 0 && shown.codePointCount(0, shown.length()) > precision) {
            shown = shown.substring(0, shown.offsetByCodePoints(0, precision));
        }
        int padding = width < 0 ? 0 : width - shown.codePointCount(0, shown.length());
        if (!leftAlign) {
            repeat(out, ' ', padding);
        }
        out.append(shown);
        if (leftAlign) {
            repeat(out, ' ', padding);
        }
    }

    void appendInteger(StringBuilder out, long value) {
        switch (conversion) {
            case 's':
                appendText(out, Long.toString(value));
                return;
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                appendReal(out, value);
                return;
            default:
                break;
        }
        if (width < 0 && precision < 0 && !plusSign && !spaceSign && !alternate
                && (conversion == 'd' || conversion == 'i' || conversion == 'u')) {
            out.append(value);
            return;
        }
        int radix = conversion == 'o' ? 8 : conversion == 'x' || conversion == 'X' ? 16 : 10;
        String digits = value == Long.MIN_VALUE
                ? Long.toUnsignedString(value, radix) : Long.toString(Math.abs(value), radix);
        if (conversion == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (precision > digits.length()) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        String prefix = "";
        if (alternate && radix == 8) {
            prefix = "0o";
        } else if (alternate && radix == 16) {
            prefix = conversion == 'X' ? "0X" : "0x";
        }
        appendNumber(out, sign(value < 0), prefix, digits, true);
    }

    void appendReal(StringBuilder out, double value) {
        switch (conversion) {
            case 's':
                appendText(out, pythonRepr(value));
                return;
            case 'd':
            case 'i':
            case 'u':
                appendInteger(out, (long) value);
                return;
            default:
                break;
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        boolean upper = Character.isUpperCase(conversion);
        String body;
        if (Double.isNaN(value)) {
            negative = false;
            body = upper ? "NAN" : "nan";
        } else if (Double.isInfinite(value)) {
            body = upper ? "INF" : "inf";
        } else {
            int digitsAfterPoint = precision < 0 ? 6 : precision;
            BigDecimal magnitude = new BigDecimal(Math.abs(value));
            switch (conversion) {
                case 'f':
                case 'F':
                    body = fixed(magnitude, digitsAfterPoint, alternate);
                    break;
                case 'e':
                case 'E':
                    body = scientific(magnitude, digitsAfterPoint, alternate, upper);
                    break;
                default:
                    body = general(magnitude, digitsAfterPoint, alternate, upper);
                    break;
            }
        }
        appendNumber(out, sign(negative), "", body, Double.isFinite(value));
    }

    private String sign(boolean negative) {
        if (negative) {
            return "-";
        }
        return plusSign ? "+" : spaceSign ? " " : "";
    }

    private void appendNumber(StringBuilder out, String sign, String prefix, String body, boolean mayZeroPad) {
        int padding = width - sign.length() - prefix.length() - body.length();
        if (leftAlign) {
            out.append(sign).append(prefix).append(body);
            repeat(out, ' ', padding);
        } else if (zeroPad && mayZeroPad) {
            out.append(sign).append(prefix);
            repeat(out, '0', padding);
            out.append(body);
        } else {
            repeat(out, ' ', padding);
            out.append(sign).append(prefix).append(body);
        }
    }

    private static void repeat(StringBuilder out, char c, int count) {
        for (int i = 0; i < count; i++) {
            out.append(c);
        }
    }

    private static String fixed(BigDecimal magnitude, int digitsAfterPoint, boolean alternate) {
        String text = magnitude.setScale(digitsAfterPoint, RoundingMode.HALF_EVEN).toPlainString();
        return alternate && digitsAfterPoint == 0 ? text + "." : text;
    }

    private static String scientific(BigDecimal magnitude, int digitsAfterPoint, boolean alternate, boolean upper) {
        String digits;
        int exponent;
        if (magnitude.signum() == 0) {
            digits = "0".repeat(digitsAfterPoint + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = magnitude.round(new MathContext(digitsAfterPoint + 1, RoundingMode.HALF_EVEN));
            digits = rounded.unscaledValue().toString();
            exponent = rounded.precision() - rounded.scale() - 1;
            if (digits.length() < digitsAfterPoint + 1) {
                digits = digits + "0".repeat(digitsAfterPoint + 1 - digits.length());
            }
        }
        StringBuilder text = new StringBuilder(digitsAfterPoint + 8).append(digits.charAt(0));
        if (digitsAfterPoint > 0 || alternate) {
            text.append('.');
        }
        text.append(digits, 1, digitsAfterPoint + 1);
        appendExponent(text, exponent, upper);
        return text.toString();
    }

    private static void appendExponent(StringBuilder text, int exponent, boolean upper) {
        text.append(upper ? 'E' : 'e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            text.append('0');
        }
        text.append(magnitude);
    }

    private static String general(BigDecimal magnitude, int precision, boolean alternate, boolean upper) {
        int significant = precision == 0 ? 1 : precision;
        int exponent = 0;
        if (magnitude.signum() != 0) {
            BigDecimal rounded = magnitude.round(new MathContext(significant, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - rounded.scale() - 1;
        }
        String text = exponent >= -4 && exponent < significant
                ? fixed(magnitude, significant - 1 - exponent, alternate)
                : scientific(magnitude, significant - 1, alternate, upper);
        return alternate ? text : stripFractionZeros(text);
    }

    private static String stripFractionZeros(String text) {
        int point = text.indexOf('.');
        if (point < 0) {
            return text;
        }
        int exponentAt = Math.max(text.indexOf('e'), text.indexOf('E'));
        int end = exponentAt < 0 ? text.length() : exponentAt;
        int last = end;
        while (last > point + 1 && text.charAt(last - 1) == '0') {
            last--;
        }
        if (last == point + 1) {
            last = point;
        }
        return text.substring(0, last) + text.substring(end);
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back as the same double, plain between 1e-4 and
     * 1e16, scientific outside. The digits are Java's {@link Double#toString}, which before Java 19 is not always
     * the shortest.
     */
    static String pythonRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return plain.indexOf('.') < 0 ? plain + ".0" : plain;
        }
        String digits = decimal.unscaledValue().abs().toString();
        StringBuilder text = new StringBuilder(digits.length() + 8);
        if (decimal.signum() < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        appendExponent(text, exponent, false);
        return text.toString();
    }
}
