package org.loghandlers.handlers;

/**
 * Whether a handler's class overrides one of Python's hooks ({@code makePickle}, {@code send}): a handler writes
 * straight into reused buffers only while it does not, and goes through the hooks when a subclass customises them.
 */
final class Hooks {

    private Hooks() {
    }

    /** Whether a class between {@code type} and {@code base} (excluded) declares the method. */
    static boolean overridden(Class<?> type, Class<?> base, String name, Class<?>... parameters) {
        for (Class<?> c = type; c != null && c != base; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(name, parameters);
                return true;
            } catch (NoSuchMethodException notHere) {
                // look further up
            } catch (LinkageError | SecurityException unknown) {
                return true;
            }
        }
        return false;
    }
}
