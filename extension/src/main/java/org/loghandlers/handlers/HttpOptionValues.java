package org.loghandlers.handlers;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads the text of {@link HttpHandler}'s options, refusing a bad value with an {@code IllegalArgumentException}
 * that names the option, the value (never a secret's) and what is accepted.
 */
final class HttpOptionValues {

    static final String FORM = "form";
    static final String JSON = "json";
    static final String JSON_LINES = "json-lines";

    private HttpOptionValues() {
    }

    /** {@code host} or {@code host:port}, trimmed. */
    static String host(String text) {
        String value = text == null ? "" : text.trim();
        if (!isHost(value)) {
            throw new IllegalArgumentException("host: '" + text + "' is not a host; accepted: a host name or"
                    + " address with an optional port from 1 to 65535 (logs.example.com, 127.0.0.1:9022,"
                    + " [::1]:9022)");
        }
        return value;
    }

    private static boolean isHost(String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || "/?#@\\".indexOf(c) >= 0)) {
            return false;
        }
        URI parsed;
        try {
            parsed = new URI("http://" + value + "/");
        } catch (URISyntaxException e) {
            return false;
        }
        if (parsed.getHost() == null) {
            return false;
        }
        boolean portWritten = value.startsWith("[") ? value.contains("]:") : value.contains(":");
        return !portWritten || parsed.getPort() >= 1 && parsed.getPort() <= 65535;
    }

    /** A path starting with {@code /}, optionally with a query. */
    static String url(String text) {
        URI parsed;
        try {
            parsed = text == null || !text.startsWith("/") || text.startsWith("//") ? null : new URI(text);
        } catch (URISyntaxException e) {
            parsed = null;
        }
        if (parsed == null || parsed.getRawFragment() != null) {
            throw new IllegalArgumentException("url: '" + text + "' is not a path; accepted: a path starting with /,"
                    + " optionally with a query and without spaces or a fragment (/log, /log?app=shop)");
        }
        return text;
    }

    /** {@code GET} or {@code POST}, from any case. */
    static String method(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!value.equals("GET") && !value.equals("POST")) {
            throw new IllegalArgumentException("method: '" + text + "' is not accepted; accepted: GET or POST");
        }
        return value;
    }

    /** The {@code Authorization} header for {@code user:password}; null for none. */
    static String basicAuthorization(String credentials) {
        if (credentials == null || credentials.isEmpty()) {
            return null;
        }
        if (credentials.indexOf(':') < 0) {
            throw new IllegalArgumentException("credentials: the value (not shown) has no ':'; accepted:"
                    + " user:password");
        }
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code form}, {@code json} or {@code json-lines}, from any case. */
    static String format(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!value.equals(FORM) && !value.equals(JSON) && !value.equals(JSON_LINES)) {
            throw new IllegalArgumentException("format: '" + text + "' is not accepted; accepted: form (Python's"
                    + " url-encoded record), json or json-lines");
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max}. */
    static int inRange(String option, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + ": " + value + " is out of range; accepted: " + min + " to "
                    + max + unit);
        }
        return value;
    }
}
