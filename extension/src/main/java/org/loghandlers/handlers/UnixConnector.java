package org.loghandlers.handlers;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.loghandlers.handlers.wire.SyslogFraming;

/**
 * Connects to a Unix socket as Python's {@code SysLogHandler._connect_unixsocket} does: as a datagram socket
 * (through junixsocket, see {@link UnixDatagrams}) and, when that fails and no socket type was asked for, as a
 * stream socket (the JDK's own). Stream endpoints frame each message themselves, since which kind a connection is
 * only shows when it is made.
 */
final class UnixConnector implements StreamEndpoint.Connector {

    /** Which kinds of socket to try. */
    enum Kind {
        /** Python's {@code socktype=None}: datagram first, then stream. */
        EITHER,
        DATAGRAM,
        STREAM
    }

    private final Path path;
    private final Kind kind;
    private final SyslogFraming framing;

    UnixConnector(Path path, Kind kind, SyslogFraming framing) {
        this.path = path;
        this.kind = kind;
        this.framing = framing;
    }

    @Override
    public StreamEndpoint connect(int timeoutMillis) throws IOException {
        IOException datagramFailure = null;
        if (kind != Kind.STREAM) {
            try {
                return UnixDatagrams.connect(path);
            } catch (IOException e) {
                if (kind == Kind.DATAGRAM) {
                    throw e;
                }
                datagramFailure = e;
            }
        }
        try {
            StreamEndpoint stream = ChannelEndpoint.connect(UnixDomainSocketAddress.of(path), timeoutMillis);
            return framing == SyslogFraming.NONE ? stream : new FramingEndpoint(stream, framing);
        } catch (IOException e) {
            if (datagramFailure == null) {
                throw e;
            }
            IOException both = new IOException("neither as a datagram socket (" + datagramFailure.getMessage()
                    + ") nor as a stream socket (" + e.getMessage() + ")", e);
            both.addSuppressed(datagramFailure);
            throw both;
        }
    }

    /** A stream endpoint that is handed one message per write and frames it. */
    private static final class FramingEndpoint implements StreamEndpoint {

        private final StreamEndpoint stream;
        private final SyslogFraming framing;

        FramingEndpoint(StreamEndpoint stream, SyslogFraming framing) {
            this.stream = stream;
            this.framing = framing;
        }

        @Override
        public void write(ByteBuffer bytes, long deadlineNanos) throws IOException {
            byte[] message = new byte[bytes.remaining()];
            bytes.get(message);
            stream.write(framing.frame(message), deadlineNanos);
        }

        @Override
        public boolean closedByPeer() {
            return stream.closedByPeer();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
