package org.loghandlers.handlers.wire;

/**
 * Makes text safe for one mail header line. A CR or LF in a header value would end the header and start another
 * (header injection: a subject built from a record carrying {@code "\r\nBcc: someone"}), so every run of line breaks
 * and other control characters becomes one space. Folding long lines is left to the mail library, which inserts its
 * CRLF only before a space it keeps.
 */
public final class HeaderText {

    private HeaderText() {
    }

    /** {@code text} on one line: each run of control characters (tab included) replaced by one space. */
    public static String singleLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                inRun = false;
                if (out != null) {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether {@code text} holds a character that {@link #singleLine} would replace. */
    public static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(c -> isControl((char) c));
    }

    /**
     * C0 controls, DEL, C1 controls and the Unicode line and paragraph separators: anything a mail library or a
     * mail reader might take as the end of a line.
     */
    private static boolean isControl(char c) {
        return c < ' ' || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
