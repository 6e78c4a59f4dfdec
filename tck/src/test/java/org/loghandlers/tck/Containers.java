package org.loghandlers.tck;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the suite runs, and the JUnit tags that keep a test to the containers it needs: the Weld runs (the
 * default) take everything but {@link #SERVER}, the servers' own tags and {@link #PAYARA_PROCESS}; the
 * {@code wildfly} and {@code payara} profiles take everything but {@link #WELD_SE} and the other server's tags.
 */
final class Containers {

    /** Drives Weld SE from the test itself (undeploy, failed deployments); runs only in the Weld runs. */
    static final String WELD_SE = "weld-se";
    /** Needs a real application server; runs in the wildfly and payara profiles. */
    static final String SERVER = "server";
    static final String WILDFLY = "wildfly";
    /**
     * Deploys and undeploys several archives in one running server through Arquillian, and sees a failed deployment
     * as an exception. Payara Micro's managed adapter starts one server per deployment and does not report a
     * failed one, so its profile leaves these out.
     */
    static final String DEPLOYER = "deployer";
    static final String PAYARA = "payara";
    /**
     * Starts its own Payara Micro ({@link PayaraMicroProcess}) for what {@link #DEPLOYER} tests check through
     * Arquillian elsewhere; runs only in the payara profile, which copies Payara Micro into {@code target/payara}.
     */
    static final String PAYARA_PROCESS = "payara-process";

    private Containers() {
    }

    /**
     * {@code wildfly} or {@code payara} in the server profiles; null on Weld. The build tells the test client by a
     * system property; inside a deployment the same name comes from the deployment's own configuration.
     */
    static String server() {
        String client = System.getProperty("tck.container");
        if (client != null) {
            return client;
        }
        return ConfigProvider.getConfig().getOptionalValue("tck.container", String.class).orElse(null);
    }
}
