package org.loghandlers.handlers;

import org.loghandlers.handlers.wire.MailHost;

/**
 * How an {@link SmtpHandler} reaches its server, as one immutable value: a setter makes a new one, and a connection
 * uses the one it started with. {@link #toString()} leaves the password and the trust store's password out.
 */
record SmtpSettings(MailHost mailhost, MailSecurity security, String username, String password, int timeoutMillis,
        TrustStore trust, boolean checkServerIdentity) {

    String host() {
        return mailhost.host();
    }

    int port() {
        return mailhost.portOr(security.defaultPort());
    }

    boolean hasCredentials() {
        return username != null;
    }

    /** {@code host:port}, for reports. */
    String describe() {
        String host = host().indexOf(':') >= 0 ? "[" + host() + "]" : host();
        return host + ":" + port();
    }

    SmtpSettings withMailhost(MailHost value) {
        return new SmtpSettings(value, security, username, password, timeoutMillis, trust, checkServerIdentity);
    }

    SmtpSettings withSecurity(MailSecurity value) {
        return new SmtpSettings(mailhost, value, username, password, timeoutMillis, trust, checkServerIdentity);
    }

    SmtpSettings withCredentials(String user, String secret) {
        return new SmtpSettings(mailhost, security, user, secret, timeoutMillis, trust, checkServerIdentity);
    }

    SmtpSettings withTimeoutMillis(int value) {
        return new SmtpSettings(mailhost, security, username, password, value, trust, checkServerIdentity);
    }

    SmtpSettings withTrust(TrustStore value) {
        return new SmtpSettings(mailhost, security, username, password, timeoutMillis, value, checkServerIdentity);
    }

    SmtpSettings withCheckServerIdentity(boolean value) {
        return new SmtpSettings(mailhost, security, username, password, timeoutMillis, trust, value);
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + describe() + ", secure=" + security.optionValue()
                + (hasCredentials() ? ", user=" + username : "") + ", timeout=" + timeoutMillis + "ms"
                + (trust.file() != null ? ", trust-store=" + trust : "")
                + ", check-server-identity=" + checkServerIdentity + "]";
    }
}
