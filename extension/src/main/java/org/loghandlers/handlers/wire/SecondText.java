package org.loghandlers.handlers.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The text of the second an instant falls in, as one or two formatters (with their zone) write it, made once a
 * second: the records of one second share it, and a zone's offset changes only on a whole second.
 */
final class SecondText {

    private static final byte[] NOTHING = {};

    private final DateTimeFormatter before;
    private final DateTimeFormatter after;
    private volatile Second last = new Second(Long.MIN_VALUE, NOTHING, NOTHING);

    /**
     * @param before the text in front of anything finer than a second
     * @param after the text behind it (a zone offset), or null for none
     */
    SecondText(DateTimeFormatter before, DateTimeFormatter after) {
        this.before = before;
        this.after = after;
    }

    Second of(Instant instant) {
        Second cached = last;
        long epochSecond = instant.getEpochSecond();
        if (cached.epochSecond == epochSecond) {
            return cached;
        }
        Instant second = Instant.ofEpochSecond(epochSecond);
        Second made = new Second(epochSecond, before.format(second).getBytes(StandardCharsets.UTF_8),
                after == null ? NOTHING : after.format(second).getBytes(StandardCharsets.UTF_8));
        last = made;
        return made;
    }

    /** One second's text: what goes before its fraction and what goes after. */
    static final class Second {
        final long epochSecond;
        final byte[] before;
        final byte[] after;

        Second(long epochSecond, byte[] before, byte[] after) {
            this.epochSecond = epochSecond;
            this.before = before;
            this.after = after;
        }
    }
}
