package org.loghandlers.benchmarks;

/**
 * Counts the records in one TCP connection's bytes, split as its {@link Wire} says, without allocating: a frame's
 * length is read and its body skipped, never copied, so the sink costs the benchmark JVM little. Keeps the first
 * bytes of the first record (so that a check can see the workload's message in it) and the first framing error: a
 * length that is not a length, or a connection that ends inside a record. Fed by one reader thread; {@link #records}
 * may be read by any thread.
 */
final class StreamFrames {

    /** No record of the workload comes near this: a larger length means the stream is out of step. */
    static final int MAX_RECORD = 1 << 20;

    private final Wire wire;
    private final FirstRecord first = new FirstRecord();
    private long complete;
    private volatile long published;
    private volatile String error;

    private long bodyLeft = -1;
    private int headerBytes;
    private long length;
    private boolean insideLine;

    StreamFrames(Wire wire) {
        if (wire.isDatagram()) {
            throw new IllegalArgumentException(wire + " is not a stream");
        }
        this.wire = wire;
    }

    /** Reads {@code bytes[from, to)}, the next bytes of the connection. */
    void accept(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to && error == null) {
            i = wire == Wire.TCP_LINES ? lines(bytes, i, to) : frame(bytes, i, to);
        }
        published = complete;
    }

    /** The connection ended: a record still open was cut off. */
    void end() {
        if (error == null && (bodyLeft >= 0 || headerBytes > 0 || insideLine)) {
            error = "the connection ended inside record " + (complete + 1) + " (" + wire + ")";
        }
    }

    /** The records complete so far. */
    long records() {
        return published;
    }

    /** The first framing error, or null. */
    String error() {
        return error;
    }

    FirstRecord first() {
        return first;
    }

    private int lines(byte[] bytes, int i, int to) {
        if (complete == 0) {
            for (; i < to; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    complete++;
                    first.end();
                    insideLine = false;
                    return i + 1;
                }
                first.add(b);
                insideLine = true;
            }
            return i;
        }
        long lines = 0;
        for (int j = i; j < to; j++) {
            if (bytes[j] == '\n') {
                lines++;
            }
        }
        complete += lines;
        insideLine = bytes[to - 1] != '\n';
        return to;
    }

    private int frame(byte[] bytes, int i, int to) {
        if (bodyLeft < 0) {
            return wire == Wire.TCP_LENGTH_PREFIXED ? lengthPrefix(bytes, i) : octetCount(bytes, i);
        }
        int n = (int) Math.min(bodyLeft, to - i);
        if (complete == 0) {
            first.add(bytes, i, n);
        }
        bodyLeft -= n;
        if (bodyLeft == 0) {
            if (complete == 0) {
                first.end();
            }
            complete++;
            bodyLeft = -1;
        }
        return i + n;
    }

    private int lengthPrefix(byte[] bytes, int i) {
        length = (length << 8) | (bytes[i] & 0xff);
        if (++headerBytes == 4) {
            startBody("length prefix");
        }
        return i + 1;
    }

    private int octetCount(byte[] bytes, int i) {
        byte b = bytes[i];
        if (b == ' ' && headerBytes > 0) {
            startBody("octet count");
        } else if (b >= '0' && b <= '9' && headerBytes < 8 && !(headerBytes == 0 && b == '0')) {
            length = length * 10 + (b - '0');
            headerBytes++;
        } else {
            error = "record " + (complete + 1) + " does not start with an octet count: byte " + (b & 0xff)
                    + " after " + headerBytes + " digit(s) (" + wire + ")";
        }
        return i + 1;
    }

    private void startBody(String header) {
        if (length <= 0 || length > MAX_RECORD) {
            error = "record " + (complete + 1) + " has a " + header + " of " + length + ", which no workload record"
                    + " has: the stream is out of step, records were split or interleaved (" + wire + ")";
        }
        bodyLeft = length;
        headerBytes = 0;
        length = 0;
    }
}
