package org.loghandlers.handlers;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Moves the active file to its rotated name at rollover: Python's {@code rotator}. The default renames; a rotator
 * may compress or copy instead, and must leave no file at {@code source} when it returns normally.
 */
@FunctionalInterface
public interface Rotator {

    void rotate(Path source, Path destination) throws IOException;
}
