package org.loghandlers.handlers.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Mail addresses as options give them: one address ({@code fromaddr}) or a comma-separated list
 * ({@code toaddrs}, Python's list of strings). An address is {@code user@example.com} or
 * {@code "Name, Team" <user@example.com>}; commas inside double quotes or angle brackets do not split. An address
 * with a line break or another control character is refused, so no address can add a header line.
 */
public final class MailAddresses {

    private MailAddresses() {
    }

    /** The addresses of a comma-separated list, trimmed; refuses an empty list and a malformed address. */
    public static List<String> parseList(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(option + ": no address given; accepted: one or more mail addresses"
                    + " separated by commas (ops@example.com, \"On call\" <oncall@example.com>)");
        }
        List<String> addresses = new ArrayList<>();
        for (String item : split(option, text)) {
            addresses.add(check(option, item));
        }
        return List.copyOf(addresses);
    }

    /** One address, trimmed; refuses a list and a malformed address. */
    public static String parseOne(String option, String text) {
        List<String> addresses = parseList(option, text);
        if (addresses.size() != 1) {
            throw new IllegalArgumentException(option + ": '" + text + "' holds " + addresses.size()
                    + " addresses; accepted: one mail address (alerts@example.com or \"App\" <alerts@example.com>)");
        }
        return addresses.get(0);
    }

    /**
     * {@code address} without its surrounding spaces, if it is one plausible address with no control character
     * anywhere (a line break at its end too); else refused.
     */
    public static String check(String option, String address) {
        String value = address == null ? "" : trimSpaces(address);
        if (HeaderText.hasControlCharacters(value)) {
            throw new IllegalArgumentException(option + ": an address holds a line break or another control"
                    + " character (" + HeaderText.singleLine(value) + "); accepted: mail addresses on one line");
        }
        if (value.isEmpty() || value.startsWith("<") && !value.endsWith(">")) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a mail address; accepted: a"
                    + " mail address such as ops@example.com or \"On call\" <oncall@example.com>");
        }
        return value;
    }

    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    private static List<String> split(String option, String text) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>') {
                angle--;
            }
            if (c == ',' && !quoted && angle == 0) {
                add(option, items, item, text);
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        if (quoted || angle != 0) {
            throw new IllegalArgumentException(option + ": '" + HeaderText.singleLine(text) + "' has an unclosed"
                    + (quoted ? " quote" : " angle bracket") + "; accepted: mail addresses separated by commas");
        }
        add(option, items, item, text);
        return items;
    }

    private static void add(String option, List<String> items, StringBuilder item, String text) {
        if (item.toString().isBlank()) {
            throw new IllegalArgumentException(option + ": '" + HeaderText.singleLine(text) + "' has an empty"
                    + " address; accepted: mail addresses separated by single commas");
        }
        items.add(item.toString());
    }
}
