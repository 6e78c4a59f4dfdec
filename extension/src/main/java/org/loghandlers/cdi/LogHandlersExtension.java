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

/**
 * The portable extension: reads the handlers declared under {@code loghandlers.*} in MicroProfile Config, offers
 * each as a bean qualified {@link LogHandler @LogHandler("name")}, builds and attaches them all before application
 * beans run, and takes them down at shutdown. A broken configuration fails the deployment with every problem at once.
 */
public class LogHandlersExtension implements Extension {

    private final List<ConfigProblem> problems = new ArrayList<>();
    private LogHandlersConfig config;
    private Map<String, Class<? extends Handler>> handlerClasses = Map.of();
    private ClassLoader applicationLoader;
    private volatile RunningHandlers running;

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
    }

    void startHandlers(@Observes AfterDeploymentValidation event) {
        if (problems.isEmpty()) {
            HandlerAssembler.Result built = HandlerAssembler.build(config, handlerClasses, applicationLoader);
            problems.addAll(built.problems());
            if (built.succeeded()) {
                try {
                    running = RunningHandlers.start(config, built.handlers(), handlerClasses, new ListenerExecutors(),
                            applicationLoader);
                } catch (RuntimeException e) {
                    HandlerAssembler.closeAll(built.handlers());
                    event.addDeploymentProblem(new DeploymentException("loghandlers: could not start: " + e, e));
                }
            }
        }
        if (!problems.isEmpty()) {
            event.addDeploymentProblem(new DeploymentException(describe(problems)));
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
