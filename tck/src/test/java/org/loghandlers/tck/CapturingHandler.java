package org.loghandlers.tck;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A user's own handler, declared with {@code class=}: keeps the messages it is given and counts close calls. */
public class CapturingHandler extends Handler {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger closeCount = new AtomicInteger();
    private volatile String tag = "";

    /** A free-text option, to show that a user class's JavaBean setters are configurable too. */
    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getTag() {
        return tag;
    }

    public List<String> messages() {
        return messages;
    }

    public int closeCount() {
        return closeCount.get();
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            messages.add(record.getMessage());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        closeCount.incrementAndGet();
    }
}
