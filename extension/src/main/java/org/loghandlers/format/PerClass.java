package org.loghandlers.format;

import java.util.Arrays;
import java.util.function.Function;

/**
 * A value computed once per class, kept here rather than on the class as {@link ClassValue} keeps it: a value of
 * ours stored on a server's class ({@code org.jboss.logmanager.ExtLogRecord} on WildFly) would keep an undeployed
 * application's class loader alive for as long as the server runs. Meant for the few record classes a log manager
 * uses; lookups read a small array without locking.
 */
public final class PerClass<V> {

    private final Function<Class<?>, V> compute;
    private volatile Object[] entries = new Object[0];

    public PerClass(Function<Class<?>, V> compute) {
        this.compute = compute;
    }

    @SuppressWarnings("unchecked")
    public V get(Class<?> type) {
        Object[] current = entries;
        for (int i = 0; i < current.length; i += 2) {
            if (current[i] == type) {
                return (V) current[i + 1];
            }
        }
        return add(type);
    }

    @SuppressWarnings("unchecked")
    private synchronized V add(Class<?> type) {
        Object[] current = entries;
        for (int i = 0; i < current.length; i += 2) {
            if (current[i] == type) {
                return (V) current[i + 1];
            }
        }
        V value = compute.apply(type);
        Object[] grown = Arrays.copyOf(current, current.length + 2);
        grown[current.length] = type;
        grown[current.length + 1] = value;
        entries = grown;
        return value;
    }
}
