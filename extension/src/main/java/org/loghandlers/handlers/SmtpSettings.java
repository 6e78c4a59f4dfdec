package org.loghandlers.handlers;

import org.loghandlers.handlers.wire.MailHost;

/**
 * How an {@link SmtpHandler} reaches its server, as one immutable value: a setter makes a new one, and a connection
 * uses the one it started with. {@link #toString()} leaves the password and the trust store's password out.
 */
record SmtpSettings(MailHost mailhost, MailSecurity security, String username, String password, int timeoutMillis,
        String trustStore, String trustStorePassword, String trustStoreType, boolean checkServerIdentity) {

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
        return new SmtpSettings(value, security, username, password, timeoutMillis, trustStore, trustStorePassword,
                trustStoreType, checkServerIdentity);
    }

    SmtpSettings withSecurity(MailSecurity value) {
        return new SmtpSettings(mailhost, value, username, password, timeoutMillis, trustStore, trustStorePassword,
                trustStoreType, checkServerIdentity);
    }

    SmtpSettings withCredentials(String user, String secret) {
        return new SmtpSettings(mailhost, security, user, secret, timeoutMillis, trustStore, trustStorePassword,
                trustStoreType, checkServerIdentity);
    }

    SmtpSettings withTimeoutMillis(int value) {
        return new SmtpSettings(mailhost, security, username, password, value, trustStore, trustStorePassword,
                trustStoreType, checkServerIdentity);
    }

    SmtpSettings withTrustStore(String path) {
        return new SmtpSettings(mailhost, security, username, password, timeoutMillis, path, trustStorePassword,
                trustStoreType, checkServerIdentity);
    }

    SmtpSettings withTrustStorePassword(String secret) {
        return new SmtpSettings(mailhost, security, username, password, timeoutMillis, trustStore, secret,
                trustStoreType, checkServerIdentity);
    }

    SmtpSettings withTrustStoreType(String type) {
        return new SmtpSettings(mailhost, security, username, password, timeoutMillis, trustStore, trustStorePassword,
                type, checkServerIdentity);
    }

    SmtpSettings withCheckServerIdentity(boolean value) {
        return new SmtpSettings(mailhost, security, username, password, timeoutMillis, trustStore, trustStorePassword,
                trustStoreType, value);
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + describe() + ", secure=" + security.optionValue()
                + (hasCredentials() ? ", user=" + username : "") + ", timeout=" + timeoutMillis + "ms"
                + (trustStore != null ? ", trust-store=" + trustStore + " (" + trustStoreType + ")" : "")
                + ", check-server-identity=" + checkServerIdentity + "]";
    }
}
