package org.loghandlers.testing;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail server setups on 127.0.0.1 with a port the system picks, and a startup timeout long enough for a busy
 * two-core machine (GreenMail's default is 2 s).
 */
public final class LoopbackMailServers {

    private static final long STARTUP_TIMEOUT_MILLIS = 20_000;

    private LoopbackMailServers() {
    }

    public static ServerSetup smtp() {
        return onLoopback(0, ServerSetup.PROTOCOL_SMTP).dynamicPort();
    }

    /** Plain SMTP on a given port, to bring a server back where it was. */
    public static ServerSetup smtp(int port) {
        return onLoopback(port, ServerSetup.PROTOCOL_SMTP);
    }

    /** SMTP over TLS from the first byte, with the key store GreenMail was given (see {@link TestCertificates}). */
    public static ServerSetup smtps() {
        return onLoopback(0, ServerSetup.PROTOCOL_SMTPS).dynamicPort();
    }

    private static ServerSetup onLoopback(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return setup;
    }
}
