package org.loghandlers.handlers;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Unix datagram sockets, which the JDK lacks (it has Unix stream sockets only), through the optional junixsocket
 * library. Nothing of junixsocket is loaded until a datagram socket is wanted; when it is not on the class path,
 * connecting fails with a message naming the artifacts to add.
 */
final class UnixDatagrams {

    static final String MISSING = "a Unix datagram socket (such as /dev/log on Linux) needs junixsocket, which is"
            + " not on the class path: add com.kohlschutter.junixsocket:junixsocket-common and"
            + " com.kohlschutter.junixsocket:junixsocket-native-common (2.10.1), or set socktype=tcp for a Unix"
            + " stream socket";

    private static final String PROBE_CLASS = "org.newsclub.net.unix.AFUNIXDatagramChannel";

    private UnixDatagrams() {
    }

    /** Whether junixsocket's classes can be loaded where this class was. */
    static boolean available() {
        try {
            Class.forName(PROBE_CLASS, false, UnixDatagrams.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A datagram endpoint connected to the socket at {@code path}. */
    static StreamEndpoint connect(Path path) throws IOException {
        if (!available()) {
            throw new IOException(MISSING);
        }
        try {
            return UnixDatagramEndpoint.connect(path);
        } catch (LinkageError e) {
            throw new IOException(MISSING + " (" + e + ")", e);
        }
    }
}
