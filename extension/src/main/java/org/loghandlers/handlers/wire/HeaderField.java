package org.loghandlers.handlers.wire;

/**
 * The printable-ASCII header fields of RFC 5424 (HOSTNAME, APP-NAME, PROCID, MSGID), with their length limits: a
 * value a user sets is checked, a value found at run time (the host name) is made to fit.
 */
public enum HeaderField {
    HOSTNAME("hostname", 255),
    APP_NAME("appName", 48),
    PROCID("procid", 128),
    MSGID("msgid", 32);

    /** RFC 5424's NILVALUE, for a field that has no value. */
    public static final String NIL = "-";

    private final String option;
    private final int maxLength;

    HeaderField(String option, int maxLength) {
        this.option = option;
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /**
     * {@code value} if it is 1 to {@link #maxLength} printable ASCII characters (33 to 126, no space); null or
     * empty is null (the field's default).
     *
     * @throws IllegalArgumentException naming the option, the value and what is accepted
     */
    public String check(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength || !isPrintableAscii(value)) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not an RFC 5424 " + this
                    + "; expected 1 to " + maxLength + " printable ASCII characters without spaces, or - for none");
        }
        return value;
    }

    /** {@code value} with every character outside printable ASCII replaced by {@code _}, cut to the limit. */
    public String sanitize(String value) {
        if (value == null || value.isEmpty()) {
            return NIL;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
        for (int i = 0; i < value.length() && out.length() < maxLength; i++) {
            char c = value.charAt(i);
            out.append(c >= 33 && c <= 126 ? c : '_');
        }
        return out.toString();
    }

    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name().replace('_', '-');
    }
}
