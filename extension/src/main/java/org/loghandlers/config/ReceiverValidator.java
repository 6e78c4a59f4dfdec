package org.loghandlers.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.loghandlers.options.OptionValues;
import org.loghandlers.options.PropertyList;
import org.loghandlers.options.Secrets;
import org.loghandlers.options.Suggestions;
import org.loghandlers.receivers.Receiver;

/**
 * Checks the receivers of a configuration and reports every problem at once, as {@link ConfigValidator} does for
 * handlers: unknown or unavailable types (naming the library a type needs when it is missing), unknown options
 * (with a "did you mean"), values that do not convert, and {@code handlers} that name no declared handler.
 * A receiver class is instantiated to ask for its prefixed options; its constructor must do no I/O.
 */
public final class ReceiverValidator {

    private ReceiverValidator() {
    }

    /** The outcome: the receiver class each valid declaration resolves to, and the problems found. */
    public record Result(Map<String, Class<? extends Receiver>> receiverClasses, List<ConfigProblem> problems) {
    }

    public static Result validate(LogHandlersConfig config, ClassLoader loader) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Class<? extends Receiver>> classes = new LinkedHashMap<>();
        Set<String> handlerNames = new TreeSet<>();
        config.handlers().forEach(spec -> handlerNames.add(spec.name()));
        for (ReceiverSpec spec : config.receivers()) {
            Class<? extends Receiver> receiverClass = resolveClass(spec, loader, problems);
            Receiver sample = receiverClass == null ? null : instantiate(spec, receiverClass, problems);
            if (sample != null) {
                classes.put(spec.name(), receiverClass);
            }
            validateOptions(spec, receiverClass, sample, loader, problems);
            validateHandlers(spec, handlerNames, problems);
        }
        return new Result(classes, problems);
    }

    private static Class<? extends Receiver> resolveClass(ReceiverSpec spec, ClassLoader loader,
            List<ConfigProblem> problems) {
        DeclaredClass declared = DeclaredClass.named("receiver", spec.type(), spec.className(), spec::key,
                ReceiverTypes.names(), ReceiverTypes::className, problems);
        if (declared == null || declared.byType() && (missingRequirement(declared.value().trim(), declared.key(),
                declared.value(), loader, problems) || !declared.inThisBuild(loader, problems))) {
            return null;
        }
        return declared.concrete(Receiver.class, loader, problems);
    }

    private static boolean missingRequirement(String type, String key, String value, ClassLoader loader,
            List<ConfigProblem> problems) {
        ReceiverTypes.Requirement requirement = ReceiverTypes.requirement(type).orElse(null);
        if (requirement == null || OptionValues.load(requirement.className(), loader) != null) {
            return false;
        }
        problems.add(needs(type, key, value, requirement));
        return true;
    }

    static ConfigProblem needs(String type, String key, String value, ReceiverTypes.Requirement requirement) {
        return new ConfigProblem(key, value, "type " + type + " needs " + requirement.artifact()
                + " on the class path (" + requirement.className() + " was not found); add it to the application"
                + " (WEB-INF/lib) or to the server's module");
    }

    /** Builds one to check it can be built and to ask for its prefixed options; null after reporting why not. */
    static Receiver instantiate(ReceiverSpec spec, Class<? extends Receiver> receiverClass,
            List<ConfigProblem> problems) {
        String key = spec.key(spec.type() != null ? CommonOptions.TYPE : CommonOptions.CLASS);
        String value = spec.type() != null ? spec.type() : spec.className();
        try {
            return receiverClass.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            problems.add(new ConfigProblem(key, value, "has no public no-argument constructor"));
        } catch (InvocationTargetException e) {
            problems.add(linkageOrFailure(spec, key, value, e.getCause()));
        } catch (ReflectiveOperationException e) {
            problems.add(new ConfigProblem(key, value, "cannot be constructed: " + e));
        } catch (LinkageError e) {
            problems.add(linkageOrFailure(spec, key, value, e));
        }
        return null;
    }

    private static ConfigProblem linkageOrFailure(ReceiverSpec spec, String key, String value, Throwable cause) {
        if (cause instanceof LinkageError && spec.type() != null) {
            ReceiverTypes.Requirement requirement = ReceiverTypes.requirement(spec.type().trim()).orElse(null);
            if (requirement != null) {
                return needs(spec.type().trim(), key, value, requirement);
            }
        }
        return new ConfigProblem(key, value, "the constructor failed: " + cause);
    }

    private static void validateOptions(ReceiverSpec spec, Class<? extends Receiver> receiverClass, Receiver sample,
            ClassLoader loader, List<ConfigProblem> problems) {
        Map<String, Method> setters = receiverClass == null ? Map.of() : ReceiverOptions.of(receiverClass);
        Set<String> prefixes = sample == null ? Set.of() : sample.getOptionPrefixes();
        Set<String> accepted = new TreeSet<>(ReceiverSpec.COMMON);
        accepted.add(CommonOptions.TYPE);
        accepted.add(CommonOptions.CLASS);
        accepted.addAll(setters.keySet());
        prefixes.forEach(prefix -> accepted.add(prefix + "<property>"));
        for (Map.Entry<String, String> option : spec.options().entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            String key = spec.key(name);
            if (ReceiverSpec.COMMON.contains(name)) {
                validateCommon(spec, name, value, loader, problems);
            } else if (setters.containsKey(name)) {
                try {
                    OptionValues.convert(value, setters.get(name).getParameterTypes()[0], loader);
                } catch (IllegalArgumentException e) {
                    problems.add(new ConfigProblem(key, value, e.getMessage()));
                }
            } else if (prefixes.stream().anyMatch(name::startsWith)) {
                try {
                    sample.setPrefixedOption(name, value);
                } catch (IllegalArgumentException e) {
                    // A library property may hold a password (kafka.sasl.jaas.config): never repeat its value.
                    problems.add(new ConfigProblem(key, PropertyList.mayHoldSecret(name) ? Secrets.HIDDEN : value,
                            e.getMessage()));
                }
            } else if (receiverClass != null) {
                problems.add(new ConfigProblem(key, value, "unknown option for receiver "
                        + (spec.type() != null ? "type " + spec.type() : receiverClass.getName())
                        + "; accepted: " + String.join(", ", accepted) + Suggestions.didYouMean(name, accepted)));
            }
        }
    }

    private static void validateCommon(ReceiverSpec spec, String name, String value, ClassLoader loader,
            List<ConfigProblem> problems) {
        String key = spec.key(name);
        if (ReceiverSpec.ENABLED.equals(name)) {
            try {
                OptionValues.convert(value, boolean.class, loader);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key, value, e.getMessage()));
            }
        } else if (ReceiverSpec.EXECUTOR.equals(name) && value.isBlank()) {
            problems.add(new ConfigProblem(key, value, "accepted: the JNDI name of a ManagedExecutorService"));
        }
    }

    private static void validateHandlers(ReceiverSpec spec, Set<String> handlerNames, List<ConfigProblem> problems) {
        List<String> targets = spec.handlers();
        String key = spec.key(ReceiverSpec.HANDLERS);
        String value = spec.options().get(ReceiverSpec.HANDLERS);
        if (targets.isEmpty()) {
            problems.add(new ConfigProblem(key, value, "a receiver needs the names of the handlers it hands records"
                    + " to; accepted: a comma-separated list of handler names declared under loghandlers.handler."));
            return;
        }
        for (String target : targets) {
            if (!handlerNames.contains(target)) {
                problems.add(new ConfigProblem(key, value, "no handler named " + target + " is declared; declared: "
                        + (handlerNames.isEmpty() ? "none" : String.join(", ", handlerNames))
                        + Suggestions.didYouMean(target, handlerNames)));
            }
        }
    }
}
