package org.loghandlers.cdi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.loghandlers.config.CommonOptions;
import org.loghandlers.config.HandlerAssembler;
import org.loghandlers.config.HandlerReferences;
import org.loghandlers.config.HandlerSpec;
import org.loghandlers.config.HandlerTypes;
import org.loghandlers.config.LogHandlersConfig;
import org.loghandlers.config.LoggerSpec;
import org.loghandlers.handlers.QueueHandler;
import org.loghandlers.handlers.QueueListener;
import org.loghandlers.options.LevelOption;

/**
 * The handlers of one deployment once built: attached to their loggers, queue listeners running. {@link #stop()}
 * undoes everything in order (listeners drain, memory handlers flush, handlers are detached then closed, logger
 * settings restored), so the log manager keeps no reference to this deployment's objects.
 */
final class RunningHandlers {

    /** The name users write in {@code loggers} for the root logger, as in Python. */
    static final String ROOT = "root";

    private record Attachment(Logger logger, Handler handler) {
    }

    private record LoggerSettings(Logger logger, Level level, boolean useParentHandlers) {
    }

    private final Map<String, Handler> handlers;
    private final ClassLoader deployment;
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<LoggerSettings> previousSettings = new ArrayList<>();
    private final List<QueueListener> listeners = new ArrayList<>();
    private boolean stopped;

    private RunningHandlers(Map<String, Handler> handlers, ClassLoader deployment) {
        this.handlers = handlers;
        this.deployment = deployment;
    }

    /** Applies logger settings, attaches every handler and starts the queue listeners. */
    static RunningHandlers start(LogHandlersConfig config, Map<String, Handler> handlers,
            Map<String, Class<? extends Handler>> classes, ListenerExecutors executors, ClassLoader deployment) {
        RunningHandlers running = new RunningHandlers(handlers, deployment);
        try {
            running.startListeners(config, executors);
            running.applyLoggerSettings(config);
            Set<String> targets = new LinkedHashSet<>(HandlerReferences.targets(HandlerReferences.of(config, classes)));
            targets.addAll(config.receiverTargets());
            running.attach(config, targets);
        } catch (RuntimeException e) {
            running.stop();
            throw e;
        }
        executors.logChoices();
        return running;
    }

    Handler handler(String name) {
        return handlers.get(name);
    }

    Map<String, Handler> handlers() {
        return Collections.unmodifiableMap(handlers);
    }

    private void startListeners(LogHandlersConfig config, ListenerExecutors executors) {
        for (HandlerSpec spec : config.handlers()) {
            if (!HandlerTypes.QUEUE.equals(spec.type())) {
                continue;
            }
            QueueListener listener = ((QueueHandler) handlers.get(spec.name())).getListener();
            listener.start(executors.forQueue(spec.name(), spec.option(CommonOptions.EXECUTOR).map(String::trim)
                    .orElse(null)));
            listeners.add(listener);
        }
    }

    private void applyLoggerSettings(LogHandlersConfig config) {
        for (LoggerSpec spec : config.loggers()) {
            Logger logger = logger(spec.name());
            previousSettings.add(new LoggerSettings(logger, logger.getLevel(), logger.getUseParentHandlers()));
            spec.option("level").ifPresent(level -> logger.setLevel(LevelOption.parse(level)));
            spec.option("use-parent-handlers").ifPresent(use -> logger.setUseParentHandlers(
                    Boolean.parseBoolean(use.trim())));
        }
    }

    private void attach(LogHandlersConfig config, Set<String> targets) {
        for (HandlerSpec spec : config.handlers()) {
            Handler handler = handlers.get(spec.name());
            List<String> loggers = spec.loggers();
            if (!spec.enabled() || loggers.contains(CommonOptions.NO_LOGGERS)
                    || (loggers.isEmpty() && targets.contains(spec.name()))) {
                continue;
            }
            if (CommonOptions.onlyThisDeployment(spec.option(CommonOptions.RECORDS_FROM).orElse(null))) {
                handler.setFilter(new DeploymentRecordsFilter(deployment, handler.getFilter()));
            }
            for (String name : loggers.isEmpty() ? List.of(ROOT) : loggers) {
                Logger logger = logger(name);
                logger.addHandler(handler);
                attachments.add(new Attachment(logger, handler));
            }
        }
    }

    private static Logger logger(String name) {
        return Logger.getLogger(ROOT.equals(name) ? "" : name);
    }

    /** Stops listeners (draining), flushes memory handlers, detaches and closes every handler; idempotent. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (QueueListener listener : listeners) {
            try {
                listener.stop();
            } catch (RuntimeException e) {
                report("stopping a queue listener", e);
            }
        }
        List<Handler> reverse = new ArrayList<>(handlers.values());
        Collections.reverse(reverse);
        for (Handler handler : reverse) {
            pushBuffered(handler);
        }
        for (Attachment attachment : attachments) {
            attachment.logger().removeHandler(attachment.handler());
        }
        attachments.clear();
        HandlerAssembler.closeAll(handlers);
        for (LoggerSettings settings : previousSettings) {
            settings.logger().setLevel(settings.level());
            settings.logger().setUseParentHandlers(settings.useParentHandlers());
        }
        previousSettings.clear();
    }

    /** A buffering handler (one with a {@code push()} or a Handler target) sends what it holds to its target. */
    private static void pushBuffered(Handler handler) {
        try {
            Method push = handler.getClass().getMethod("push");
            push.invoke(handler);
            handler.flush();
            return;
        } catch (NoSuchMethodException e) {
            // not a JDK-style memory handler
        } catch (ReflectiveOperationException | RuntimeException e) {
            report("pushing " + handler + " to its target", e);
        }
        for (Method method : handler.getClass().getMethods()) {
            if (method.getName().equals("setTarget") && method.getParameterCount() == 1) {
                try {
                    handler.flush();
                } catch (RuntimeException e) {
                    report("flushing " + handler + " to its target", e);
                }
                return;
            }
        }
    }

    private static void report(String what, Exception e) {
        Logger.getLogger(RunningHandlers.class.getName()).log(Level.WARNING, "loghandlers: " + what + " failed", e);
    }
}
