package org.loghandlers.handlers.wire;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Python's {@code urllib.parse.urlencode(dict)} as {@code HTTPHandler} sends a record: for each entry in order,
 * {@code quote_plus(str(key)) + '=' + quote_plus(str(value))}, joined by {@code &}. The text is the query of a GET
 * and the {@code application/x-www-form-urlencoded} body of a POST. Values are written as Python's {@code str()}
 * writes them ({@link PythonRepr}).
 */
public final class FormBody {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormBody() {
    }

    /** The encoded form of {@code fields}; plain ASCII. */
    public static String encode(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder(512);
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            quotePlus(out, field.getKey());
            out.append('=');
            quotePlus(out, PythonRepr.str(field.getValue()));
        }
        return out.toString();
    }

    /**
     * Python's {@code quote_plus(text, safe='')}: letters, digits and {@code _.-~} stay, a space becomes {@code +},
     * every other byte of the UTF-8 encoding becomes {@code %XX}.
     */
    static void quotePlus(StringBuilder out, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }
}
