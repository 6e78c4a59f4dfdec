package org.loghandlers.handlers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One open log file: a channel with a write buffer that only ever holds whole records, so that a failed write can be
 * cut back to the last whole record and no line is left split in the file.
 *
 * <p>Not thread-safe: its handler calls it under the handler's lock.
 */
final class LogFile extends OutputStream {

    static final int BUFFER_SIZE = 64 * 1024;

    private final Path path;
    private final FileChannel channel;
    /** Direct, so that a channel write goes out from it without the JDK first copying it into a direct buffer. */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final boolean regular;
    private final Object fileKey;
    private long written;

    private LogFile(Path path, FileChannel channel, boolean regular, Object fileKey) throws IOException {
        this.path = path;
        this.channel = channel;
        this.regular = regular;
        this.fileKey = fileKey;
        this.written = regular ? channel.size() : 0;
    }

    /** Opens {@code path} for appending, or truncates it first; creates missing parent directories. */
    static LogFile open(Path path, boolean truncate) throws IOException {
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        boolean existing = Files.exists(path);
        boolean regular = !existing || Files.isRegularFile(path);
        FileChannel channel;
        if (regular) {
            channel = truncate
                    ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)
                    : FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
        } else {
            channel = FileChannel.open(path, StandardOpenOption.WRITE);
        }
        try {
            return new LogFile(path, channel, regular, keyOf(path));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file system's identity of the file at {@code path} (device and inode on Unix), or null if it is gone. */
    static Object keyOf(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    Path path() {
        return path;
    }

    /** Whether this is a regular file: devices and pipes are never rolled over. */
    boolean isRegular() {
        return regular;
    }

    /** The identity the file had when it was opened. */
    Object fileKey() {
        return fileKey;
    }

    /** Bytes in the file, counting those still buffered: Python's {@code stream.tell()}. */
    long size() {
        return written + buffer.position();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Buffers one whole record, writing out what was buffered first when it would not fit. */
    @Override
    public void write(byte[] record, int offset, int length) throws IOException {
        if (length > buffer.remaining()) {
            flush();
            if (length > buffer.capacity()) {
                writeFully(ByteBuffer.wrap(record, offset, length));
                return;
            }
        }
        buffer.put(record, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        try {
            writeFully(buffer);
        } finally {
            buffer.clear();
        }
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            cutBackToLastWholeRecord();
            throw e;
        }
        written += length;
    }

    private void cutBackToLastWholeRecord() {
        if (!regular) {
            return;
        }
        try {
            if (channel.size() > written) {
                channel.truncate(written);
            }
        } catch (IOException | RuntimeException ignored) {
            // The file is failing already; the caller reports the original error.
        }
    }

    /** Writes out what is buffered and closes; the channel is closed even when the last write fails. */
    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            channel.close();
        }
    }

    /** Closes without writing what is buffered: used after a failure, when the buffer can no longer be trusted. */
    void discard() {
        buffer.clear();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more can be done with a channel that fails to close.
        }
    }
}
