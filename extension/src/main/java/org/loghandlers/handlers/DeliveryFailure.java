package org.loghandlers.handlers;

/** Why a request could not be delivered, in words fit for the ErrorManager (never a credential). */
final class DeliveryFailure extends Exception {

    private static final long serialVersionUID = 1L;

    DeliveryFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
