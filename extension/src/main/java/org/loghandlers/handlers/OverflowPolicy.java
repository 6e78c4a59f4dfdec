package org.loghandlers.handlers;

import java.util.Locale;

/** What a {@link QueueHandler} does with a record when its queue is full. */
public enum OverflowPolicy {

    /** The logging thread waits (spins briefly, then parks) until there is room: nothing is lost. The default. */
    BLOCK("block"),
    /** The new record is dropped and counted. */
    DROP_NEWEST("drop-newest"),
    /** The oldest queued record is dropped and counted, and the new one takes its place. */
    DROP_OLDEST("drop-oldest");

    private final String configName;

    OverflowPolicy(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration: {@code block}, {@code drop-newest} or {@code drop-oldest}. */
    public String configName() {
        return configName;
    }

    /**
     * The policy named {@code value} ({@code block}, {@code drop-newest} or {@code drop-oldest}, any case, with
     * surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the option and the accepted values
     */
    public static OverflowPolicy parse(String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (OverflowPolicy policy : values()) {
                if (policy.configName.equals(wanted)) {
                    return policy;
                }
            }
        }
        throw new IllegalArgumentException("overflowPolicy: '" + value
                + "' is not an overflow policy; expected block, drop-newest or drop-oldest");
    }

    @Override
    public String toString() {
        return configName;
    }
}
