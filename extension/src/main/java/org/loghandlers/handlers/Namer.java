package org.loghandlers.handlers;

/**
 * Chooses the name of a rotated file from the default one ({@code app.log.1}, {@code app.log.2024-01-31}): Python's
 * {@code namer}. It is called many times per rollover and must give the same answer for the same input.
 */
@FunctionalInterface
public interface Namer {

    String name(String defaultName);
}
