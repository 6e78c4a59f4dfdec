package org.loghandlers.cdi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.loghandlers.config.ConfigProblem;
import org.loghandlers.config.LogHandlersConfig;
import org.loghandlers.config.ReceiverSpec;
import org.loghandlers.receivers.Receiver;

/**
 * The receivers of one deployment once built: started after the handlers they feed are running, on the executors
 * queue listeners use, and stopped (each draining what it received into its handlers) before those handlers stop.
 */
final class RunningReceivers {

    private final Map<String, Receiver> receivers;
    private final List<Receiver> started = new ArrayList<>();
    private boolean stopped;

    private RunningReceivers(Map<String, Receiver> receivers) {
        this.receivers = receivers;
    }

    /**
     * Starts every enabled receiver; when one cannot start (a port in use), stops those already started and
     * returns the problem, naming the receiver's type key.
     */
    static RunningReceivers start(LogHandlersConfig config, Map<String, Receiver> receivers,
            ListenerExecutors executors, List<ConfigProblem> problems) {
        RunningReceivers running = new RunningReceivers(receivers);
        for (ReceiverSpec spec : config.receivers()) {
            Receiver receiver = receivers.get(spec.name());
            if (receiver == null || !spec.enabled()) {
                continue;
            }
            try {
                receiver.start(executors.forReceiver(spec.name(), spec.executor().orElse(null)));
                running.started.add(receiver);
            } catch (IOException | RuntimeException e) {
                String key = spec.key(spec.type() != null ? "type" : "class");
                problems.add(new ConfigProblem(key, spec.type() != null ? spec.type() : spec.className(),
                        "receiver " + spec.name() + " could not start: " + e));
                running.stop();
                return running;
            }
        }
        executors.logChoices();
        return running;
    }

    Receiver receiver(String name) {
        return receivers.get(name);
    }

    Map<String, Receiver> receivers() {
        return Collections.unmodifiableMap(receivers);
    }

    /** Stops every started receiver, last started first; each returns once it has drained. Idempotent. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<Receiver> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (Receiver receiver : reverse) {
            try {
                receiver.stop();
            } catch (RuntimeException e) {
                Logger.getLogger(RunningReceivers.class.getName()).log(Level.WARNING,
                        "loghandlers: stopping " + receiver + " failed", e);
            }
        }
        started.clear();
    }
}
