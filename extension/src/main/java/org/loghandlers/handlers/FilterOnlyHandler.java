package org.loghandlers.handlers;

import java.util.logging.LogRecord;

/**
 * A handler that offers Python's {@code Handler.handle(record)}: it applies the handler's filter but not its level,
 * then emits the record.
 *
 * <p>A JUL {@code Handler.publish} checks the level itself, so a handler that forwards records to a target
 * ({@link MemoryHandler} on flush, {@link QueueListener} without {@code respectHandlerLevel}) can ignore the
 * target's level, as Python does, only when the target implements this interface. Other targets receive
 * {@code publish}, and their level applies.
 */
public interface FilterOnlyHandler {

    /** Emits {@code record} if this handler's filter accepts it, whatever its level; never throws. */
    void handle(LogRecord record);
}
