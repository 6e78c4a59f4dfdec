package org.loghandlers.tck;

/**
 * {@link RedeployMarker} for the receiver redeploy tests' WAR alone: one instance per live class loader of that WAR,
 * so that their count is not disturbed by other tests' deployments still held by the server (on WildFly an idle
 * request thread can keep the last request it ran, and with it that deployment, for as long as it lives).
 */
public final class ReceiverAppMarker {

    private static final ReceiverAppMarker INSTANCE = new ReceiverAppMarker();

    private ReceiverAppMarker() {
    }

    static ReceiverAppMarker pin() {
        return INSTANCE;
    }
}
