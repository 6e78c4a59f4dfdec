package org.loghandlers.tck;

/**
 * Where the suite runs, and the JUnit tags that keep a test to the containers it needs: the Weld runs (the
 * default) take everything but {@link #SERVER}; the {@code wildfly} and {@code payara} profiles take everything but
 * {@link #WELD_SE} and the other server's tag.
 */
final class Containers {

    /** Drives Weld SE from the test itself (undeploy, failed deployments); runs only in the Weld runs. */
    static final String WELD_SE = "weld-se";
    /** Needs a real application server; runs in the wildfly and payara profiles. */
    static final String SERVER = "server";
    static final String WILDFLY = "wildfly";
    static final String PAYARA = "payara";

    private Containers() {
    }

    /** {@code wildfly} or {@code payara} in the server profiles; null on Weld. */
    static String server() {
        return System.getProperty("tck.container");
    }
}
