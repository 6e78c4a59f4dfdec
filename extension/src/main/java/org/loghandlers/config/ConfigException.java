package org.loghandlers.config;

/** Thrown while checking or building one option; carries the problem to report. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ConfigProblem problem;

    public ConfigException(String key, String value, String message) {
        super(new ConfigProblem(key, value, message).describe());
        this.problem = new ConfigProblem(key, value, message);
    }

    public ConfigProblem problem() {
        return problem;
    }
}
