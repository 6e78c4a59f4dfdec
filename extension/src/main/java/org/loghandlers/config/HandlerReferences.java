package org.loghandlers.config;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;

import org.loghandlers.options.OptionValues;

/**
 * Which handlers pass records to which: a queue to its {@code handlers}, a memory handler (or any handler with a
 * Handler-typed option) to its {@code target}. Gives the build order (targets first) and finds cycles.
 */
public final class HandlerReferences {

    private HandlerReferences() {
    }

    /** The handlers named in {@code text} (one name, or a comma list for an array argument), already built. */
    public static Object resolve(String text, Class<?> type, Map<String, Handler> built) {
        if (!type.isArray()) {
            return built.get(text.trim());
        }
        List<String> names = HandlerSpec.commaList(text);
        Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), names.size());
        for (int i = 0; i < names.size(); i++) {
            java.lang.reflect.Array.set(array, i, built.get(names.get(i)));
        }
        return array;
    }

    /** What a user may write for a Handler-typed option. */
    public static String accepted(Class<?> type) {
        return type.isArray() ? "a comma-separated list of handler names declared under loghandlers.handler."
                : "the name of another handler declared under loghandlers.handler.";
    }

    /** For each handler, the names of the handlers it passes records to. */
    public static Map<String, List<String>> of(LogHandlersConfig config, Map<String, Class<? extends Handler>> classes) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (HandlerSpec spec : config.handlers()) {
            List<String> targets = new ArrayList<>();
            Class<? extends Handler> handlerClass = classes.get(spec.name());
            if (handlerClass != null) {
                for (Map.Entry<String, Method> setter : HandlerOptions.of(handlerClass).entrySet()) {
                    if (OptionValues.isHandlerReference(setter.getValue().getParameterTypes()[0])) {
                        spec.option(setter.getKey()).ifPresent(value -> targets.addAll(HandlerSpec.commaList(value)));
                    }
                }
            }
            targets.removeIf(target -> config.handler(target).isEmpty());
            edges.put(spec.name(), targets);
        }
        return edges;
    }

    /** The names of every handler some other handler passes records to. */
    public static Set<String> targets(Map<String, List<String>> edges) {
        Set<String> targets = new LinkedHashSet<>();
        edges.values().forEach(targets::addAll);
        return targets;
    }

    /** Handler names ordered so that every target comes before the handlers that pass records to it. */
    public static List<String> buildOrder(Map<String, List<String>> edges) {
        List<String> order = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : edges.keySet()) {
            visit(name, edges, visiting, order);
        }
        return order;
    }

    private static void visit(String name, Map<String, List<String>> edges, Set<String> visiting, List<String> order) {
        if (order.contains(name) || !visiting.add(name)) {
            return;
        }
        for (String target : edges.getOrDefault(name, List.of())) {
            visit(target, edges, visiting, order);
        }
        visiting.remove(name);
        order.add(name);
    }

    /** A cycle through {@code start}, as the names along it ending with {@code start} again, or null. */
    static List<String> cycleFrom(String start, Map<String, List<String>> edges) {
        List<String> path = new ArrayList<>();
        path.add(start);
        return search(start, start, edges, path, new LinkedHashSet<>());
    }

    private static List<String> search(String start, String current, Map<String, List<String>> edges,
            List<String> path, Set<String> seen) {
        for (String next : edges.getOrDefault(current, List.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = search(start, next, edges, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    /** The option through which {@code spec} names its targets, for error messages. */
    static String referenceOption(HandlerSpec spec, Class<? extends Handler> handlerClass) {
        if (HandlerTypes.QUEUE.equals(spec.type())) {
            return CommonOptions.HANDLERS;
        }
        if (handlerClass != null) {
            for (Map.Entry<String, Method> setter : HandlerOptions.of(handlerClass).entrySet()) {
                if (OptionValues.isHandlerReference(setter.getValue().getParameterTypes()[0])
                        && spec.options().containsKey(setter.getKey())) {
                    return setter.getKey();
                }
            }
        }
        return CommonOptions.HANDLERS;
    }
}
