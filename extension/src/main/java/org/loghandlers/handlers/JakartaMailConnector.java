package org.loghandlers.handlers;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * The one class of {@link SmtpHandler} that uses Jakarta Mail. It uses only the Jakarta Mail API, so any
 * implementation the application or the server provides will do (Angus Mail in WildFly and Payara). It is loaded only
 * when an SmtpHandler is made, after checking that Jakarta Mail is there, so the jar works without it.
 */
final class JakartaMailConnector implements MailConnector {

    /** Python's {@code EmailMessage.set_content(text)}; set as a header too, so it comes before the encoding. */
    private static final String TEXT_PLAIN = "text/plain; charset=\"utf-8\"";

    private static final String NO_IMPLEMENTATION = "the Jakarta Mail API is there but no implementation with an"
            + " SMTP transport: add org.eclipse.angus:angus-mail";

    private SmtpSettings sessionSettings;
    private Session session;

    @Override
    public MailConnection open(SmtpSettings settings) throws MailFailure {
        Session current = sessionFor(settings);
        Transport transport;
        try {
            transport = current.getTransport("smtp");
        } catch (MessagingException e) {
            throw new MailFailure(NO_IMPLEMENTATION, e, false);
        }
        try {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            if (settings.hasCredentials() && Boolean.FALSE.equals(offersAuth(transport))) {
                throw new MailFailure("the server does not offer AUTH, so the credentials cannot be used; nothing"
                        + " was sent", null, false);
            }
        } catch (AuthenticationFailedException e) {
            closeQuietly(transport);
            throw new MailFailure("the server refused the login of user " + settings.username(), e, false);
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw new MailFailure("could not connect" + (settings.security() == MailSecurity.NONE ? ""
                    : " over " + settings.security().optionValue()), e, false);
        } catch (MailFailure e) {
            closeQuietly(transport);
            throw e;
        }
        return new Connection(current, transport);
    }

    private synchronized Session sessionFor(SmtpSettings settings) throws MailFailure {
        if (session == null || !settings.equals(sessionSettings)) {
            Properties properties = properties(settings);
            try {
                session = Session.getInstance(properties);
            } catch (RuntimeException | ServiceConfigurationError e) {
                throw new MailFailure(NO_IMPLEMENTATION, e, false);
            }
            sessionSettings = settings;
        }
        return session;
    }

    private static Properties properties(SmtpSettings settings) throws MailFailure {
        Properties properties = new Properties();
        String timeout = Integer.toString(settings.timeoutMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.hasCredentials()));
        properties.setProperty("mail.smtp.allow8bitmime", "true");
        if (settings.security() == MailSecurity.TLS) {
            properties.setProperty("mail.smtp.ssl.enable", "true");
        } else if (settings.security() == MailSecurity.STARTTLS) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        if (settings.security().usesTls()) {
            properties.setProperty("mail.smtp.ssl.checkserveridentity",
                    Boolean.toString(settings.checkServerIdentity()));
            if (settings.trust().file() != null) {
                try {
                    properties.put("mail.smtp.ssl.socketFactory", settings.trust().context().getSocketFactory());
                } catch (IOException e) {
                    throw new MailFailure(e.getMessage(), null, false);
                }
            }
        }
        return properties;
    }

    /**
     * Whether the connected server offers AUTH, through the {@code supportsExtension} method that Angus Mail's (and
     * the older com.sun.mail) SMTP transport has but the API does not; null when the transport cannot say. Jakarta
     * Mail would send without logging in; Python refuses, and so do we.
     */
    private static Boolean offersAuth(Transport transport) {
        try {
            return (Boolean) transport.getClass().getMethod("supportsExtension", String.class)
                    .invoke(transport, "AUTH");
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // the connection is being given up anyway
        }
    }

    private static final class Connection implements MailConnection {

        private final Session session;
        private final Transport transport;

        Connection(Session session, Transport transport) {
            this.session = session;
            this.transport = transport;
        }

        @Override
        public void send(String from, List<String> to, String subject, String date, String body)
                throws MailFailure {
            MimeMessage message = new InsertionOrderMessage(session);
            Address[] recipients;
            try {
                message.setFrom(new InternetAddress(from, false));
                recipients = new Address[to.size()];
                StringBuilder toHeader = new StringBuilder();
                for (int i = 0; i < to.size(); i++) {
                    recipients[i] = new InternetAddress(to.get(i), false);
                    toHeader.append(i == 0 ? "" : ",").append(recipients[i]);
                }
                message.setHeader("To", toHeader.toString());
                message.setSubject(subject, "UTF-8");
                message.setHeader("Date", date);
                message.setContent(body, TEXT_PLAIN);
                message.setHeader("Content-Type", TEXT_PLAIN);
                message.saveChanges();
            } catch (AddressException e) {
                throw new MailFailure("an address is not valid: " + e.getMessage(), e, true);
            } catch (MessagingException e) {
                throw new MailFailure("could not build the mail: " + e.getMessage(), e, true);
            }
            try {
                transport.sendMessage(message, recipients);
            } catch (SendFailedException e) {
                throw new MailFailure("the server refused the mail: " + e.getMessage(), e, transport.isConnected());
            } catch (MessagingException | IllegalStateException e) {
                throw new MailFailure("could not send: " + e.getMessage(), e, false);
            }
        }

        @Override
        public void close() {
            closeQuietly(transport);
        }
    }

    /**
     * A message whose headers are written in the order they were set, as Python's {@code EmailMessage} writes them
     * (From, To, Subject, Date, then the content headers), instead of Jakarta Mail's fixed order.
     */
    private static final class InsertionOrderMessage extends MimeMessage {

        InsertionOrderMessage(Session session) {
            super(session);
            headers = new InsertionOrderHeaders();
        }
    }

    private static final class InsertionOrderHeaders extends InternetHeaders {

        InsertionOrderHeaders() {
            headers.clear();
        }
    }
}
