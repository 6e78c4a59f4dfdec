package org.loghandlers.options;

import java.util.Locale;

/**
 * Knows which options hold a secret (a {@code credentials} pair, a {@code password}), so that a message about a
 * refused or misspelt value can name the key without ever showing what was written for it.
 */
public final class Secrets {

    /** What a message shows instead of a secret value. */
    public static final String HIDDEN = "(hidden)";

    private Secrets() {
    }

    /**
     * Whether {@code key} (a property name in any case, kebab-case, or a full configuration key) may hold a secret:
     * its last part mentions credentials, a password or a secret. Loose on purpose, so that a misspelt key
     * ({@code credentails}) is hidden too.
     */
    public static boolean isSecret(String key) {
        String name = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return name.contains("cred") || name.contains("pass") || name.contains("secret");
    }

    /** {@code value}, or {@link #HIDDEN} when {@code key} holds a secret. */
    public static String shown(String key, String value) {
        return value != null && isSecret(key) ? HIDDEN : value;
    }
}
