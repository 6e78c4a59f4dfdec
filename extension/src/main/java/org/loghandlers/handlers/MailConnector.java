package org.loghandlers.handlers;

import java.util.List;

/**
 * Opens connections to an SMTP server. The one implementation, {@link JakartaMailConnector}, is the only class that
 * touches Jakarta Mail, so that everything else loads and runs without it.
 */
interface MailConnector {

    /** Connects, secures and authenticates as {@code settings} say. */
    MailConnection open(SmtpSettings settings) throws MailFailure;

    /** One open SMTP connection, used by one thread. */
    interface MailConnection extends AutoCloseable {

        /** Sends one mail: the envelope and headers from these values, {@code body} as its text. */
        void send(String from, List<String> to, String subject, String date, String body) throws MailFailure;

        @Override
        void close();
    }
}
