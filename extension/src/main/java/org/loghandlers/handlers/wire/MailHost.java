package org.loghandlers.handlers.wire;

/**
 * An SMTP server's address as an option gives it: {@code host}, {@code host:port}, or an IPv6 address in brackets
 * ({@code [::1]:2525}). Python's {@code mailhost} is a host or a {@code (host, port)} tuple; a string with a colon
 * is not split there (the colon ends up in the host name), so here the one text stands for both.
 */
public record MailHost(String host, int port) {

    /** Port 0 means "the default of the connection's security": 25, or 465 for implicit TLS. */
    public static final int DEFAULT_PORT = 0;

    public MailHost {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("mailhost: the host is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("mailhost: port " + port + " is out of range; accepted: 1 to 65535");
        }
    }

    /** Parses {@code text}; the message of a refusal names the text and what is accepted. */
    public static MailHost parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '/' || c == '@')) {
            throw refused(text);
        }
        String host = value;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 2) {
                throw refused(text);
            }
            host = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw refused(text);
                }
                port = rest.substring(1);
            }
        } else {
            int colon = value.indexOf(':');
            if (colon >= 0) {
                if (value.indexOf(':', colon + 1) >= 0) {
                    throw refused(text);
                }
                host = value.substring(0, colon);
                port = value.substring(colon + 1);
            }
        }
        if (host.isEmpty()) {
            throw refused(text);
        }
        if (port == null) {
            return new MailHost(host, DEFAULT_PORT);
        }
        try {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) {
                throw refused(text);
            }
            return new MailHost(host, number);
        } catch (NumberFormatException e) {
            throw refused(text);
        }
    }

    /** The port to connect to: the given one, or {@code defaultPort} when none was given. */
    public int portOr(int defaultPort) {
        return port == DEFAULT_PORT ? defaultPort : port;
    }

    /** As a user would write it back, with the port only when one was given. */
    public String describe() {
        String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == DEFAULT_PORT ? shown : shown + ":" + port;
    }

    private static IllegalArgumentException refused(String text) {
        return new IllegalArgumentException("mailhost: '" + text + "' is not a mail server address; accepted: a host"
                + " name or address with an optional port from 1 to 65535 (mail.example.com, smtp.example.com:587,"
                + " 127.0.0.1:2525, [::1]:2525)");
    }

    @Override
    public String toString() {
        return describe();
    }
}
