package org.loghandlers.config;

import org.loghandlers.options.Secrets;

/**
 * One thing wrong with the configuration: the full property key, the value given (null when the key is missing) and
 * what is wrong with it, including what would be accepted. The value of a secret (credentials, a password) is never
 * shown.
 */
public record ConfigProblem(String key, String value, String message) {

    /** The sentence a user reads in the deployment error: {@code key=value: message}. */
    public String describe() {
        String shown = value == null ? key + " (not set)" : key + "=" + Secrets.shown(key, value);
        return shown + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
