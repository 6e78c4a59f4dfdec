package org.loghandlers.format;

import java.util.Map;

/**
 * A record made in another process, often on another host, and received here (by a socket or Kafka receiver): the
 * formatters print its sender's values where a Python {@code LogRecord} attribute names them ({@code %(process)d},
 * {@code %(processName)s}, {@code %(pathname)s}, {@code %(lineno)d}...), not this JVM's, and the JSON formatter adds
 * {@code host}, {@code process} and the sender's MDC.
 */
public interface RemoteRecord extends ThreadNamedRecord {

    /** The sending host as the receiver knows it (the peer's address for a socket), never null. */
    String getHost();

    /** The sender's process id, or -1 when it did not send one. */
    long getProcess();

    /** The sender's process name (Python's {@code processName}), or null when it did not send one. */
    String getProcessName();

    /**
     * Every attribute as the sender sent it, by its Python name ({@code name}, {@code msg}, {@code pathname},
     * {@code lineno}...; for a JSON record, the JSON object's fields), values as decoded: String, Long or
     * BigInteger, Double, Boolean, null, byte[], List and Map. Unmodifiable.
     */
    Map<String, Object> getAttributes();

    /** The sender's context values: a JSON record's {@code mdc}, a Python record's {@code extra=} keys as text. */
    Map<String, String> getMdc();
}
