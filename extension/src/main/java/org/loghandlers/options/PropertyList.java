package org.loghandlers.options;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of {@code name=value} properties written as one line of text, {@code name=value,name=value}, for a setter
 * that takes a whole group of pass-through properties as one String (a JavaBean option that the JDK's
 * {@code logging.properties} and WildFly's {@code custom-handler} can set). A comma or backslash inside a value is
 * written with a backslash before it ({@code ssl.cipher.suites=A\,B}); space around names and values is dropped.
 */
public final class PropertyList {

    private PropertyList() {
    }

    /**
     * The properties of {@code text} in the order written; a later duplicate wins.
     *
     * @throws IllegalArgumentException naming the entry that has no {@code =} or no name
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (text == null) {
            return properties;
        }
        StringBuilder entry = new StringBuilder();
        int index = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                entry.append(text.charAt(++i));
            } else if (c == ',') {
                put(entry, properties, index++);
                entry.setLength(0);
            } else if (c == '=' && entry.indexOf("\u0000") < 0) {
                entry.append('\u0000');
            } else {
                entry.append(c);
            }
        }
        put(entry, properties, index);
        return properties;
    }

    private static void put(StringBuilder entry, Map<String, String> properties, int index) {
        if (entry.toString().isBlank()) {
            return;
        }
        int separator = entry.indexOf("\u0000");
        String name = separator < 0 ? entry.toString().trim() : entry.substring(0, separator).trim();
        if (separator < 0 || name.isEmpty()) {
            // The entry itself is not repeated: it may be the tail of a secret whose comma was not escaped.
            throw new IllegalArgumentException("entry " + index + " is not name=value; accepted: name=value pairs"
                    + " separated by commas, a comma or backslash in a value written \\, or \\\\");
        }
        properties.put(name, entry.substring(separator + 1).trim());
    }

    /**
     * Whether a property of this name may hold a secret: what {@link Secrets} says, and also a JAAS configuration,
     * a token or a key anywhere in a dotted library property ({@code sasl.jaas.config}, {@code ssl.key.password}),
     * so that no message or getter repeats its value.
     */
    public static boolean mayHoldSecret(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (Secrets.isSecret(lower) || lower.endsWith(".key")) {
            return true;
        }
        for (String part : lower.split("\\.")) {
            if (part.contains("password") || part.contains("passwd") || part.contains("secret")
                    || part.contains("cred") || part.contains("jaas") || part.contains("token")) {
                return true;
            }
        }
        return false;
    }

    /** The text {@link #parse} reads back as {@code properties}. */
    public static String format(Map<String, String> properties) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (out.length() > 0) {
                out.append(',');
            }
            escape(property.getKey(), out);
            out.append('=');
            escape(property.getValue(), out);
        }
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\\' || c == '=') {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
