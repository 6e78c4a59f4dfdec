package org.loghandlers.handlers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;

import org.loghandlers.handlers.wire.MessageBytes;

/**
 * One UDP datagram per message, sent as Python does ({@code sendto}, no connection, so a receiver that is down is
 * not noticed), on a non-blocking channel, so a full send buffer loses the message instead of waiting. The host
 * name is resolved on the first send and again after a failure. Local send failures (no route, a datagram too
 * large, an unknown host) are reported once per outage.
 */
final class UdpTransport implements SyslogTransport {

    private final Handler owner;
    private final SyslogAddress address;
    private final OutageReporter outage;
    private DatagramChannel channel;
    private InetSocketAddress resolved;

    UdpTransport(Handler owner, SyslogAddress address) {
        this.owner = owner;
        this.address = address;
        this.outage = new OutageReporter(owner);
    }

    @Override
    public synchronized boolean send(MessageBytes message) {
        try {
            if (channel == null) {
                channel = DatagramChannel.open();
                channel.configureBlocking(false);
            }
            if (resolved == null) {
                InetSocketAddress target = new InetSocketAddress(address.host(), address.port());
                if (target.isUnresolved()) {
                    throw new UnknownHostException(address.host());
                }
                resolved = target;
            }
            if (channel.send(message.buffer(), resolved) == 0) {
                throw new IOException("the socket's send buffer is full");
            }
            outage.succeeded();
            return true;
        } catch (IOException | RuntimeException e) {
            resolved = null;
            outage.lost(owner.getClass().getSimpleName() + " sending a " + message.length() + "-byte datagram to"
                    + " udp " + address + " failed: " + e + "; records are dropped until a send succeeds", e,
                    ErrorManager.WRITE_FAILURE);
            return false;
        }
    }

    @Override
    public boolean append(MessageBytes message) {
        return send(message);
    }

    @Override
    public boolean flush() {
        return true;
    }

    @Override
    public long lostRecords() {
        return outage.lostRecords();
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // A datagram channel that fails to close holds nothing we could still release.
            }
            channel = null;
        }
    }
}
