package org.loghandlers.handlers;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.loghandlers.format.PerThread;
import org.loghandlers.format.PythonRecordDict;
import org.loghandlers.handlers.wire.PickleWriter;

/**
 * One thread's reusable buffer for Python's socket frame of a record ({@code SocketHandler.makePickle}): the record's
 * dictionary is pickled entry by entry straight into it, with no map between. The frame is valid until the same
 * thread pickles its next record. A record whose parameters log while its message is merged re-enters on the same
 * thread; the nested record gets a fresh buffer instead of the one in use.
 */
final class PickledRecord implements PythonRecordDict.Entries {

    private static final PerThread<PickledRecord> BUFFERS = new PerThread<>(PickledRecord::new);

    private final PickleWriter writer = new PickleWriter();
    private ByteBuffer view = ByteBuffer.allocate(0);
    private boolean inUse;

    /** This thread's buffer, or a fresh one while this thread's is in use; give it back with {@link #release}. */
    static PickledRecord take() {
        PickledRecord buffer = BUFFERS.get();
        if (buffer.inUse) {
            return new PickledRecord();
        }
        buffer.inUse = true;
        return buffer;
    }

    void release() {
        inUse = false;
    }

    /** The frame of {@code record}, its message merged by {@code messageFormatter}, from position 0 to its limit. */
    ByteBuffer frame(LogRecord record, Formatter messageFormatter) {
        writer.startFrame();
        writer.startDict(PythonRecordDict.SIZE);
        PythonRecordDict.mergedTo(record, messageFormatter, this);
        writer.endDict();
        int length = writer.finishFrame();
        byte[] bytes = writer.buffer();
        if (view.array() != bytes) {
            view = ByteBuffer.wrap(bytes);
        }
        view.limit(length).position(0);
        return view;
    }

    /** The frame of {@code record} as an array of its own. */
    byte[] frameCopy(LogRecord record, Formatter messageFormatter) {
        ByteBuffer frame = frame(record, messageFormatter);
        return Arrays.copyOf(frame.array(), frame.limit());
    }

    @Override
    public void text(String key, String value) {
        writer.textEntry(key, value);
    }

    @Override
    public void integer(String key, long value) {
        writer.integerEntry(key, value);
    }

    @Override
    public void real(String key, double value) {
        writer.floatEntry(key, value);
    }

    @Override
    public void tuple(String key, Object[] value) {
        writer.entry(key, value);
    }
}
