package org.loghandlers.options;

import java.util.Locale;

/**
 * Options whose values are secrets ({@code credentials}, {@code trust-store-password}, any option or key ending in
 * {@code password}): wherever a problem with an option is reported, their value is replaced by {@link #HIDDEN}, so a
 * password never reaches a deployment error or a log line.
 */
public final class SecretOptions {

    /** What is shown instead of a secret value. */
    public static final String HIDDEN = "(hidden)";

    private SecretOptions() {
    }

    /** Whether the option named by {@code key} (a kebab-case name, a camel-case name or a full dotted key) is secret. */
    public static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        String name = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT).replace("-", "");
        return name.endsWith("credentials") || name.endsWith("password");
    }

    /** {@code value}, or {@link #HIDDEN} when {@code key} names a secret. */
    public static String shown(String key, String value) {
        return value != null && isSecret(key) ? HIDDEN : value;
    }
}
