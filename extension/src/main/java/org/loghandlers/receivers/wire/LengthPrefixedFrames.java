package org.loghandlers.receivers.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The framing of Python's {@code SocketHandler}: each frame is a 4-byte big-endian unsigned length, then that many
 * bytes (a pickle). A length over the limit is refused as soon as its four bytes are in, before any of the frame
 * is held; the buffer of a frame grows with the bytes that actually arrive, not with the length announced.
 */
public final class LengthPrefixedFrames implements StreamFramer {

    private static final int INITIAL_BUFFER = 8192;

    private final int maxFrame;
    private final byte[] header = new byte[4];
    private int headerFilled;
    private byte[] frame = new byte[0];
    private int frameLength = -1;
    private int frameFilled;

    /** @param maxFrame the largest payload accepted, in bytes (the length prefix not counted) */
    public LengthPrefixedFrames(int maxFrame) {
        if (maxFrame < 1) {
            throw new IllegalArgumentException("maxFrame: " + maxFrame + " is not positive");
        }
        this.maxFrame = maxFrame;
    }

    @Override
    public void feed(ByteBuffer input, FrameConsumer consumer) throws WireFormatException {
        while (input.hasRemaining()) {
            if (frameLength < 0) {
                int take = Math.min(4 - headerFilled, input.remaining());
                input.get(header, headerFilled, take);
                headerFilled += take;
                if (headerFilled < 4) {
                    return;
                }
                long length = ((header[0] & 0xffL) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8)
                        | (header[3] & 0xff);
                if (length > maxFrame) {
                    throw new WireFormatException("a frame of " + length + " bytes announced, over the limit of "
                            + maxFrame + " (max-frame)");
                }
                frameLength = (int) length;
                frameFilled = 0;
                if (frame.length < Math.min(frameLength, INITIAL_BUFFER)) {
                    frame = new byte[Math.min(frameLength, INITIAL_BUFFER)];
                }
            }
            int take = Math.min(frameLength - frameFilled, input.remaining());
            if (frameFilled + take > frame.length) {
                frame = Arrays.copyOf(frame, (int) Math.min(frameLength, Math.max(frame.length * 2L,
                        frameFilled + take)));
            }
            input.get(frame, frameFilled, take);
            frameFilled += take;
            if (frameFilled == frameLength) {
                int length = frameLength;
                frameLength = -1;
                headerFilled = 0;
                consumer.frame(frame, 0, length);
                if (frame.length > INITIAL_BUFFER) {
                    frame = new byte[0];
                }
            }
        }
    }

    @Override
    public boolean isMidFrame() {
        return headerFilled > 0;
    }
}
