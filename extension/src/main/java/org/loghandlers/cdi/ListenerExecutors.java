package org.loghandlers.cdi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Chooses where a queue listener's or a receiver's loop runs: on the container's ManagedExecutorService (so it
 * carries the container's context and the container stops it), or, where there is none such as Weld SE, on a daemon
 * thread of its own named {@code loghandlers-queue-<name>} or {@code loghandlers-receiver-<name>}. The choices are
 * logged once at FINE.
 */
final class ListenerExecutors {

    static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private static final Logger LOG = Logger.getLogger(ListenerExecutors.class.getName());

    private final Map<String, Executor> managedByJndiName = new LinkedHashMap<>();
    private final Map<String, String> choices = new LinkedHashMap<>();

    /**
     * The executor for the listener of queue {@code queueName} ({@code jndiName} null means the default one), or
     * null for the listener's own daemon thread, which it names {@code loghandlers-queue-<name>}.
     */
    Executor forQueue(String queueName, String jndiName) {
        return choose("loghandlers-queue-" + queueName, "queue " + queueName, jndiName);
    }

    /**
     * The executor for receiver {@code receiverName} ({@code jndiName} null means the default one), or null for
     * the receiver's own daemon thread, which it names {@code loghandlers-receiver-<name>}.
     */
    Executor forReceiver(String receiverName, String jndiName) {
        return choose("loghandlers-receiver-" + receiverName, "receiver " + receiverName, jndiName);
    }

    private Executor choose(String identity, String what, String jndiName) {
        String name = jndiName == null ? DEFAULT_EXECUTOR : jndiName;
        Executor managed = managedByJndiName.computeIfAbsent(name, ListenerExecutors::lookup);
        if (managed != null) {
            choices.put(what, name);
            return NamedManagedTasks.submitter(managed, identity);
        }
        choices.put(what, "its own daemon thread " + identity + " (no ManagedExecutorService at " + name + ")");
        return null;
    }

    /** Logs, once, where every queue listener and receiver runs. */
    void logChoices() {
        if (!choices.isEmpty()) {
            StringBuilder message = new StringBuilder("loghandlers: loops run on");
            choices.forEach((what, where) -> message.append(' ').append(what).append(": ").append(where).append(';'));
            LOG.log(Level.FINE, message.substring(0, message.length() - 1));
            choices.clear();
        }
    }

    private static Executor lookup(String jndiName) {
        try {
            Object found = new InitialContext().lookup(jndiName);
            return found instanceof Executor executor ? executor : null;
        } catch (NamingException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
