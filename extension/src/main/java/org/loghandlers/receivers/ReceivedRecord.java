package org.loghandlers.receivers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.loghandlers.format.RemoteRecord;

/**
 * A record received from another process: a plain {@link LogRecord} (logger, level, message, instant, thread id,
 * source class and method; a sender's traceback as a {@link RemoteTraceback}) that also keeps who sent it (host,
 * process, thread name) and everything else it sent, so that our formatters print the sender's values. Built by
 * {@link ReceivedRecords}; filled on one thread before it is handed to handlers, read-only after.
 */
public class ReceivedRecord extends LogRecord implements RemoteRecord {

    private static final long serialVersionUID = 1L;

    private String host = "unknown";
    private String threadName;
    private long process = -1;
    private String processName;
    private Map<String, Object> attributes = Map.of();
    private Map<String, String> mdc = Map.of();

    public ReceivedRecord(Level level, String message) {
        super(level, message);
    }

    @Override
    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host == null ? "unknown" : host;
    }

    /** The sender's thread name; {@code Thread-<id>} when it sent none. */
    @Override
    public String getThreadName() {
        return threadName != null ? threadName : "Thread-" + getLongThreadID();
    }

    public void setThreadName(String threadName) {
        this.threadName = threadName;
    }

    @Override
    public long getProcess() {
        return process;
    }

    public void setProcess(long process) {
        this.process = process;
    }

    @Override
    public String getProcessName() {
        return processName;
    }

    public void setProcessName(String processName) {
        this.processName = processName;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    public void setAttributes(Map<String, ?> attributes) {
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    @Override
    public Map<String, String> getMdc() {
        return mdc;
    }

    public void setMdc(Map<String, String> mdc) {
        this.mdc = Collections.unmodifiableMap(new LinkedHashMap<>(mdc));
    }
}
