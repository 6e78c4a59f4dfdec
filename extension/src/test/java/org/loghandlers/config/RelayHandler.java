package org.loghandlers.config;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** A user's own handler class, configured with {@code class=}: it keeps records and can name a target handler. */
public class RelayHandler extends Handler {

    /** How records are kept. */
    public enum Mode { KEEP_ALL, KEEP_LAST }

    private final List<LogRecord> records = new ArrayList<>();
    private Handler target;
    private int capacity = 10;
    private Mode mode = Mode.KEEP_ALL;

    public void setTarget(Handler target) {
        this.target = target;
    }

    public Handler getTarget() {
        return target;
    }

    public void setCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " is below 1");
        }
        this.capacity = capacity;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Mode getMode() {
        return mode;
    }

    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
