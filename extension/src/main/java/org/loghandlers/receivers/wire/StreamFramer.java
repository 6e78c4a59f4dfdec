package org.loghandlers.receivers.wire;

import java.nio.ByteBuffer;

/**
 * Cuts the bytes of one stream connection into frames as they arrive, in whatever pieces the network delivers
 * them, holding only the bytes of the frame in progress. Not thread-safe: one per connection.
 */
public interface StreamFramer {

    /** Receives each whole frame as it is cut; the array is only valid during the call. */
    @FunctionalInterface
    interface FrameConsumer {
        void frame(byte[] bytes, int offset, int length) throws WireFormatException;
    }

    /**
     * Takes every remaining byte of {@code input} (in read mode), passing each frame it completes to
     * {@code consumer} in order.
     *
     * @throws WireFormatException when the stream breaks the format (a frame over the limit); the stream cannot
     *         be resynchronised after that, so the connection should be closed
     */
    void feed(ByteBuffer input, FrameConsumer consumer) throws WireFormatException;

    /** Whether bytes of an unfinished frame are held: the stream ended (or was stopped) mid-frame. */
    boolean isMidFrame();
}
