package org.loghandlers.cdi;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.logging.Handler;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.loghandlers.config.ConfigProblem;
import org.loghandlers.config.ConfigReader;
import org.loghandlers.config.ConfigValidator;
import org.loghandlers.config.HandlerAssembler;
import org.loghandlers.config.LogHandlersConfig;
import org.loghandlers.config.ReceiverAssembler;
import org.loghandlers.config.ReceiverValidator;
import org.loghandlers.receivers.Receiver;

/**
 * The portable extension: reads the handlers and receivers declared under {@code loghandlers.*} in MicroProfile
 * Config, offers each as a bean qualified {@link LogHandler @LogHandler("name")} or
 * {@link LogReceiver @LogReceiver("name")}, builds and attaches the handlers and then starts the receivers that feed
 * them before application beans run, and at shutdown stops the receivers (draining) before the handlers. A broken
 * configuration fails the deployment with every problem at once.
 */
public class LogHandlersExtension implements Extension {

    private final List<ConfigProblem> problems = new ArrayList<>();
    private LogHandlersConfig config;
    private Map<String, Class<? extends Handler>> handlerClasses = Map.of();
    private Map<String, Class<? extends Receiver>> receiverClasses = Map.of();
    private ClassLoader applicationLoader;
    private volatile RunningHandlers running;
    private volatile RunningReceivers receivers;

    void registerHandlerBeans(@Observes AfterBeanDiscovery event) {
        applicationLoader = applicationLoader();
        Config mpConfig;
        try {
            mpConfig = ConfigProvider.getConfig(applicationLoader);
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            problems.add(new ConfigProblem("loghandlers.*", null, "cannot read MicroProfile Config (is an"
                    + " implementation such as SmallRye Config present?): " + e));
            config = new LogHandlersConfig(List.of(), List.of());
            return;
        }
        config = ConfigReader.read(mpConfig, problems);
        ConfigValidator.Result validation = ConfigValidator.validate(config, applicationLoader);
        problems.addAll(validation.problems());
        handlerClasses = validation.handlerClasses();
        handlerClasses.forEach((name, handlerClass) -> event.addBean()
                .id(LogHandlersExtension.class.getName() + "#" + name)
                .beanClass(handlerClass)
                .types(typeClosure(handlerClass))
                .qualifiers(LogHandler.Literal.of(name), Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .produceWith(instance -> runningHandler(name)));
        ReceiverValidator.Result receiverValidation = ReceiverValidator.validate(config, applicationLoader);
        problems.addAll(receiverValidation.problems());
        receiverClasses = receiverValidation.receiverClasses();
        receiverClasses.forEach((name, receiverClass) -> event.addBean()
                .id(LogHandlersExtension.class.getName() + "#receiver#" + name)
                .beanClass(receiverClass)
                .types(typeClosure(receiverClass))
                .qualifiers(LogReceiver.Literal.of(name), Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .produceWith(instance -> runningReceiver(name)));
    }

    void startHandlers(@Observes AfterDeploymentValidation event) {
        if (problems.isEmpty()) {
            HandlerAssembler.Result built = HandlerAssembler.build(config, handlerClasses, applicationLoader);
            problems.addAll(built.problems());
            ReceiverAssembler.Result builtReceivers = built.succeeded()
                    ? ReceiverAssembler.build(config, receiverClasses, built.handlers(), applicationLoader)
                    : new ReceiverAssembler.Result(Map.of(), List.of());
            problems.addAll(builtReceivers.problems());
            if (built.succeeded() && !builtReceivers.succeeded()) {
                HandlerAssembler.closeAll(built.handlers());
            } else if (built.succeeded()) {
                start(event, built.handlers(), builtReceivers.receivers());
            }
        }
        if (!problems.isEmpty()) {
            event.addDeploymentProblem(new DeploymentException(describe(problems)));
        }
    }

    /** Starts the handlers, then the receivers that feed them; on any failure, undoes all of it. */
    private void start(AfterDeploymentValidation event, Map<String, Handler> handlers,
            Map<String, Receiver> builtReceivers) {
        ListenerExecutors executors = new ListenerExecutors();
        try {
            running = RunningHandlers.start(config, handlers, handlerClasses, executors, applicationLoader);
        } catch (RuntimeException e) {
            HandlerAssembler.closeAll(handlers);
            event.addDeploymentProblem(new DeploymentException("loghandlers: could not start: " + e, e));
            return;
        }
        int before = problems.size();
        receivers = RunningReceivers.start(config, builtReceivers, executors, problems);
        if (problems.size() > before) {
            receivers = null;
            RunningHandlers started = running;
            running = null;
            started.stop();
        }
    }

    /**
     * Every problem in one message, one per line: a server then logs one failure a user reads top to bottom,
     * rather than a list of exceptions with a stack trace each.
     */
    private static String describe(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return "loghandlers: " + problems.get(0).describe();
        }
        StringBuilder message = new StringBuilder("loghandlers: ").append(problems.size())
                .append(" problems in the configuration:");
        for (ConfigProblem problem : problems) {
            message.append("\n  ").append(problem.describe());
        }
        return message.toString();
    }

    void stopHandlers(@Observes BeforeShutdown event) {
        RunningReceivers currentReceivers = receivers;
        receivers = null;
        if (currentReceivers != null) {
            currentReceivers.stop();
        }
        RunningHandlers current = running;
        running = null;
        if (current != null) {
            current.stop();
        }
    }

    private Handler runningHandler(String name) {
        RunningHandlers current = running;
        if (current == null) {
            throw new IllegalStateException("loghandlers: handler " + name + " is not running (the deployment failed"
                    + " or has stopped)");
        }
        return current.handler(name);
    }

    private Receiver runningReceiver(String name) {
        RunningReceivers current = receivers;
        if (current == null) {
            throw new IllegalStateException("loghandlers: receiver " + name + " is not running (the deployment"
                    + " failed or has stopped)");
        }
        return current.receiver(name);
    }

    private static Set<Type> typeClosure(Class<?> handlerClass) {
        Set<Type> types = new LinkedHashSet<>();
        for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
            types.add(type);
            addInterfaces(type, types);
        }
        return types;
    }

    private static void addInterfaces(Class<?> type, Set<Type> types) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (types.add(implemented)) {
                addInterfaces(implemented, types);
            }
        }
    }

    private static ClassLoader applicationLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : LogHandlersExtension.class.getClassLoader();
    }
}
