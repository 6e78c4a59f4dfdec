package org.loghandlers.tck;

/**
 * One instance per loaded copy of this class, that is per live class loader of a deployment that used it: a heap
 * histogram's count of this class's instances is the number of such class loaders not yet collected.
 */
public final class RedeployMarker {

    private static final RedeployMarker INSTANCE = new RedeployMarker();

    private RedeployMarker() {
    }

    static RedeployMarker pin() {
        return INSTANCE;
    }
}
