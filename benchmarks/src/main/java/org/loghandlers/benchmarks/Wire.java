package org.loghandlers.benchmarks;

/**
 * What a network scenario sends, as the loopback sink must read it: the transport, and how one record is told from
 * the next. The sink counts records by this, never by guessing.
 */
public enum Wire {

    /** TCP, each record a 4-byte big-endian length then that many bytes: Python's {@code SocketHandler} frame. */
    TCP_LENGTH_PREFIXED("TCP, 4-byte length-prefixed frames"),
    /** TCP, one record per line: newline-delimited JSON, or syslog's non-transparent framing (RFC 6587 3.4.2). */
    TCP_LINES("TCP, one record per line"),
    /** TCP, RFC 6587 octet counting: the length in ASCII digits, a space, then that many bytes. */
    TCP_OCTET_COUNTING("TCP, RFC 6587 octet-counted frames"),
    /** UDP, one record per datagram whose first 4 bytes give the length of the rest: Python's DatagramHandler. */
    UDP_LENGTH_PREFIXED("UDP, one length-prefixed record per datagram"),
    /** UDP, one record per datagram: syslog over UDP (RFC 5426). */
    UDP_DATAGRAM("UDP, one record per datagram");

    private final String description;

    Wire(String description) {
        this.description = description;
    }

    /** Whether records travel in datagrams, which the network may drop without telling anyone. */
    public boolean isDatagram() {
        return this == UDP_LENGTH_PREFIXED || this == UDP_DATAGRAM;
    }

    @Override
    public String toString() {
        return description;
    }
}
