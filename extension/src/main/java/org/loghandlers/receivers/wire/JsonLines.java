package org.loghandlers.receivers.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The framing of JSON lines: each frame is the bytes up to a {@code \n} (a {@code \r} before it dropped); blank
 * lines are skipped. A line longer than the limit is refused as soon as it passes it.
 */
public final class JsonLines implements StreamFramer {

    private final int maxLine;
    private byte[] line = new byte[1024];
    private int filled;

    /** @param maxLine the longest line accepted, in bytes, without its line end */
    public JsonLines(int maxLine) {
        if (maxLine < 1) {
            throw new IllegalArgumentException("maxLine: " + maxLine + " is not positive");
        }
        this.maxLine = maxLine;
    }

    @Override
    public void feed(ByteBuffer input, FrameConsumer consumer) throws WireFormatException {
        while (input.hasRemaining()) {
            byte b = input.get();
            if (b == '\n') {
                int length = filled > 0 && line[filled - 1] == '\r' ? filled - 1 : filled;
                filled = 0;
                if (length > 0) {
                    consumer.frame(line, 0, length);
                }
                continue;
            }
            if (filled >= maxLine + 1) {
                throw new WireFormatException("a line longer than the limit of " + maxLine + " bytes (max-frame)");
            }
            if (filled == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, maxLine + 1));
            }
            line[filled++] = b;
        }
    }

    @Override
    public boolean isMidFrame() {
        return filled > 0;
    }
}
