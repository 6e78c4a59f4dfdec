package org.loghandlers.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/** The stream underneath a handler, counting the writes and flushes that reach it and keeping the bytes. */
public final class CountingStream extends OutputStream {

    public final AtomicInteger writes = new AtomicInteger();
    public final AtomicInteger flushes = new AtomicInteger();
    public final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
        bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        writes.incrementAndGet();
        bytes.write(b, off, len);
    }

    @Override
    public void flush() {
        flushes.incrementAndGet();
    }
}
