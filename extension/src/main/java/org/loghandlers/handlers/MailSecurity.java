package org.loghandlers.handlers;

import java.util.Locale;

/** How an {@link SmtpHandler} protects its connection: the values of its {@code secure} option. */
enum MailSecurity {

    /** Plain SMTP, as Python's SMTPHandler without {@code secure}. */
    NONE("none", 25),
    /** Plain SMTP upgraded by STARTTLS before anything else is sent; a server that does not offer it is refused. */
    STARTTLS("starttls", 25),
    /** TLS from the first byte (SMTPS, "implicit TLS", RFC 8314), usually on port 465. */
    TLS("tls", 465);

    static final String ACCEPTED = "none (plain SMTP), starttls (upgrade the connection, refuse a server that cannot)"
            + " or tls (TLS from the first byte, SMTPS, port 465 by default)";

    private final String optionValue;
    private final int defaultPort;

    MailSecurity(String optionValue, int defaultPort) {
        this.optionValue = optionValue;
        this.defaultPort = defaultPort;
    }

    static MailSecurity parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (MailSecurity security : values()) {
            if (security.optionValue.equals(value)) {
                return security;
            }
        }
        throw new IllegalArgumentException("secure: '" + text + "' is not a connection security; accepted: "
                + ACCEPTED);
    }

    String optionValue() {
        return optionValue;
    }

    int defaultPort() {
        return defaultPort;
    }

    boolean usesTls() {
        return this != NONE;
    }
}
