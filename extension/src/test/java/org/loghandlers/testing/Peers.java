package org.loghandlers.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test does when a real peer it needs (CPython, rsyslog) is missing: skips with a message on a developer's
 * machine, fails where {@code -Dtests.require-peers=true} says every peer must be there (as {@code .ci/run}
 * does), so that CI never passes by skipping.
 */
public final class Peers {

    /**
     * Not under {@code loghandlers.}: MicroProfile Config sees system properties, and the extension refuses keys of
     * its own namespace that it does not know.
     */
    public static final String REQUIRED_PROPERTY = "tests.require-peers";

    private Peers() {
    }

    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    /** Skips (or, when peers are required, fails) the calling test unless {@code present}. */
    public static void assume(boolean present, String missing) {
        if (!present && required()) {
            fail(missing + " (-D" + REQUIRED_PROPERTY + "=true: a missing peer fails the test)");
        }
        assumeTrue(present, missing);
    }
}
