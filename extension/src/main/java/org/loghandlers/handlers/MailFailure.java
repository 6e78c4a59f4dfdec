package org.loghandlers.handlers;

/**
 * A mail that could not be sent, or a connection that could not be made, in words the {@code ErrorManager} can
 * show: never with a password. {@link #connectionUsable()} says whether further mails may go over the same
 * connection (a refused recipient) or not (the server went away).
 */
final class MailFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean connectionUsable;

    MailFailure(String message, Throwable cause, boolean connectionUsable) {
        super(message, cause);
        this.connectionUsable = connectionUsable;
    }

    boolean connectionUsable() {
        return connectionUsable;
    }
}
