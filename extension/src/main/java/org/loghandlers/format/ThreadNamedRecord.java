package org.loghandlers.format;

/**
 * A record that carries the name of the thread that logged it, such as a record copied for a queue: the formatters
 * print this name for {@code %(threadName)s} even when they run on another thread.
 */
public interface ThreadNamedRecord {

    String getThreadName();
}
