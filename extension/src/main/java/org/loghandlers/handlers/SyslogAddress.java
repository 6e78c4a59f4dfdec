package org.loghandlers.handlers;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Where a {@link SysLogHandler} sends: {@code host:port} (an IPv6 address in brackets, {@code [::1]:514}), or the
 * path of a Unix socket, which is anything with a {@code /} in it ({@code /dev/log}, {@code ./syslog.sock}).
 * Python's tuple {@code (host, port)} and its string address, as one option.
 */
record SyslogAddress(String host, int port, Path unixPath) {

    static final String ACCEPTED = "expected host:port (an IPv6 address in brackets, such as [::1]:514; port 1 to"
            + " 65535) or the path of a Unix socket (any value with a /, such as /dev/log)";

    /**
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    static SyslogAddress parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw invalid(text, "is empty");
        }
        if (value.contains("/")) {
            return new SyslogAddress(null, 0, Path.of(value));
        }
        String host;
        String port;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || close + 1 >= value.length() || value.charAt(close + 1) != ':') {
                throw invalid(text, "has no ]:port after the IPv6 address");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw invalid(text, "has no port and no / (a Unix socket path)");
            }
            if (value.indexOf(':', colon + 1) >= 0) {
                throw invalid(text, "has more than one colon (put an IPv6 address in brackets)");
            }
            host = value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw invalid(text, "has no host name");
        }
        return new SyslogAddress(host, port(text, port), null);
    }

    private static int port(String text, String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below.
        }
        throw invalid(text, "has port '" + port + "', which is not 1 to 65535");
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("address: '" + text + "' " + problem + "; " + ACCEPTED);
    }

    boolean isUnix() {
        return unixPath != null;
    }

    /** The host and port, resolved at each connection attempt. */
    InetSocketAddress inet() {
        return InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public String toString() {
        if (isUnix()) {
            return unixPath.toString();
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
