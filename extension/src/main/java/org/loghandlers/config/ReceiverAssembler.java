package org.loghandlers.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;

import org.loghandlers.options.OptionValues;
import org.loghandlers.receivers.Receiver;

/**
 * Builds the receivers of a validated configuration, after the handlers they feed: each one with its no-argument
 * constructor, its name, every option through its setter (or {@link Receiver#setPrefixedOption}), then its
 * handlers. A refused value becomes a problem naming the key; when any problem is found nothing is returned. Nothing
 * is started here.
 */
public final class ReceiverAssembler {

    private ReceiverAssembler() {
    }

    /** The outcome: the receivers by name in declaration order, or the problems that prevented it. */
    public record Result(Map<String, Receiver> receivers, List<ConfigProblem> problems) {

        public boolean succeeded() {
            return problems.isEmpty();
        }
    }

    public static Result build(LogHandlersConfig config, Map<String, Class<? extends Receiver>> classes,
            Map<String, Handler> handlers, ClassLoader loader) {
        Map<String, Receiver> built = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (ReceiverSpec spec : config.receivers()) {
            Class<? extends Receiver> receiverClass = classes.get(spec.name());
            if (receiverClass == null) {
                continue;
            }
            Receiver receiver = ReceiverValidator.instantiate(spec, receiverClass, problems);
            if (receiver != null && configure(spec, receiver, handlers, loader, problems)) {
                built.put(spec.name(), receiver);
            }
        }
        if (!problems.isEmpty()) {
            return new Result(Map.of(), problems);
        }
        return new Result(built, problems);
    }

    private static boolean configure(ReceiverSpec spec, Receiver receiver, Map<String, Handler> handlers,
            ClassLoader loader, List<ConfigProblem> problems) {
        int before = problems.size();
        receiver.setName(spec.name());
        Map<String, Method> setters = ReceiverOptions.of(receiver.getClass());
        for (Map.Entry<String, String> option : spec.options().entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            try {
                Method setter = setters.get(name);
                if (setter != null) {
                    invoke(receiver, setter, OptionValues.convert(value, setter.getParameterTypes()[0], loader));
                } else if (receiver.getOptionPrefixes().stream().anyMatch(name::startsWith)) {
                    receiver.setPrefixedOption(name, value);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(spec.key(name), value, e.getMessage()));
            }
        }
        List<Handler> targets = new ArrayList<>();
        for (String target : spec.handlers()) {
            Handler handler = handlers.get(target);
            if (handler == null) {
                problems.add(new ConfigProblem(spec.key(ReceiverSpec.HANDLERS), spec.options().get(
                        ReceiverSpec.HANDLERS), "handler " + target + " was not built"));
            } else {
                targets.add(handler);
            }
        }
        receiver.setHandlers(targets.toArray(new Handler[0]));
        return problems.size() == before;
    }

    private static void invoke(Receiver receiver, Method setter, Object value) {
        try {
            setter.invoke(receiver, value);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof IllegalArgumentException ? cause.getMessage() : cause.toString();
            throw new IllegalArgumentException("refused by " + setter.getDeclaringClass().getSimpleName() + "."
                    + setter.getName() + ": " + message);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(e.toString());
        }
    }
}
