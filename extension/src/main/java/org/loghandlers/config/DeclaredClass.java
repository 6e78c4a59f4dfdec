package org.loghandlers.config;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.loghandlers.options.OptionValues;
import org.loghandlers.options.Suggestions;

/**
 * The class a handler or receiver declaration names, by {@code type} (looked up in its table of types) or by
 * {@code class}: the steps {@link ConfigValidator} and {@link ReceiverValidator} share, each reporting its problem
 * under the key and value it comes from.
 */
record DeclaredClass(String key, String value, String className, boolean byType) {

    /**
     * The class name a declaration's {@code type} or {@code class} stands for; null, after reporting why, when it
     * sets both, neither, or a type the table does not have.
     *
     * @param kind {@code handler} or {@code receiver}, for the messages
     * @param keyOf the full key of one of the declaration's options
     */
    static DeclaredClass named(String kind, String type, String className, UnaryOperator<String> keyOf,
            List<String> typeNames, Function<String, Optional<String>> typeTable, List<ConfigProblem> problems) {
        if (type != null && className != null) {
            problems.add(new ConfigProblem(keyOf.apply(CommonOptions.CLASS), className,
                    "set either type or class, not both (type is " + type + ")"));
            return null;
        }
        if (type == null && className == null) {
            problems.add(new ConfigProblem(keyOf.apply(CommonOptions.TYPE), null, "every " + kind + " needs a type"
                    + " (one of " + String.join(", ", typeNames) + ") or a class"));
            return null;
        }
        if (className != null) {
            return new DeclaredClass(keyOf.apply(CommonOptions.CLASS), className, className.trim(), false);
        }
        String key = keyOf.apply(CommonOptions.TYPE);
        Optional<String> found = typeTable.apply(type.trim());
        if (found.isEmpty()) {
            problems.add(new ConfigProblem(key, type, "unknown " + kind + " type; accepted: "
                    + String.join(", ", typeNames) + ", or a class name under " + keyOf.apply(CommonOptions.CLASS)
                    + Suggestions.didYouMean(type, typeNames)));
            return null;
        }
        return new DeclaredClass(key, type, found.get(), true);
    }

    /** Whether this build has the class a type stands for; false after reporting that it is not available yet. */
    boolean inThisBuild(ClassLoader loader, List<ConfigProblem> problems) {
        if (OptionValues.load(className, loader) != null) {
            return true;
        }
        problems.add(new ConfigProblem(key, value, "type " + value.trim() + " is not available yet (" + className
                + " is not in this build)"));
        return false;
    }

    /** The class, if it is a concrete {@code base}; null after reporting that it is not found or not one. */
    <T> Class<? extends T> concrete(Class<T> base, ClassLoader loader, List<ConfigProblem> problems) {
        Class<?> found = OptionValues.load(className, loader);
        if (found == null) {
            problems.add(new ConfigProblem(key, value, "class not found; accepted: the name of a " + base.getName()
                    + " subclass with a public no-argument constructor"));
            return null;
        }
        if (!base.isAssignableFrom(found) || Modifier.isAbstract(found.getModifiers())) {
            problems.add(new ConfigProblem(key, value, "not a concrete " + base.getName()));
            return null;
        }
        return found.asSubclass(base);
    }
}
