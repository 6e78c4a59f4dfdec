package org.loghandlers.format;

/**
 * One thread's reusable {@link StringBuilder} for formatting a record. A record whose parameters log while being
 * formatted re-enters the formatter on the same thread; the nested call gets a fresh builder instead of the one in
 * use. A builder grown past 16 KiB is not kept, so one huge record does not pin memory.
 */
final class FormatBuffer {

    private static final int MAX_KEPT_CAPACITY = 16 * 1024;
    private static final PerThread<FormatBuffer> BUFFERS = new PerThread<>(FormatBuffer::new);

    private StringBuilder builder = new StringBuilder(256);
    private boolean inUse;

    private FormatBuffer() {
    }

    /** An empty builder for this thread; give it back with {@link #release}. */
    static StringBuilder take() {
        FormatBuffer buffer = BUFFERS.get();
        if (buffer.inUse) {
            return new StringBuilder(256);
        }
        buffer.inUse = true;
        buffer.builder.setLength(0);
        return buffer.builder;
    }

    static void release(StringBuilder used) {
        FormatBuffer buffer = BUFFERS.get();
        if (used != buffer.builder) {
            return;
        }
        buffer.inUse = false;
        if (used.capacity() > MAX_KEPT_CAPACITY) {
            buffer.builder = new StringBuilder(256);
        }
    }
}
