package org.loghandlers.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loghandlers.cdi.LogHandler;
import org.loghandlers.config.HandlerTypes;

/**
 * The types that arrive in this build later (timed-rotating-file, memory, queue): each built from properties with
 * its options applied. Skipped, with the reason, while a type is not in the build; read through the handlers'
 * getters by name so this class compiles before they exist.
 */
class QueueMemoryAndTimedTypesTest {

    @TempDir
    Path work;

    private static Object get(Object bean, String getter) throws Exception {
        Method method = bean.getClass().getMethod(getter);
        return method.invoke(bean);
    }

    private static Handler handler(WeldDeployment deployment, String name) {
        return deployment.container().select(Handler.class, LogHandler.Literal.of(name)).get();
    }

    private void assumeAvailable(String type) {
        assumeTrue(HandlerTypes.isAvailable(type, getClass().getClassLoader()), "type " + type + " is not in this build yet");
    }

    @Test
    void timedRotatingFileHandlerHasItsOptions() throws Exception {
        assumeAvailable("timed-rotating-file");
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.daily.type=timed-rotating-file
                loghandlers.handler.daily.file-name=%s
                loghandlers.handler.daily.when=midnight
                loghandlers.handler.daily.backup-count=7
                loghandlers.handler.daily.utc=true
                loghandlers.handler.daily.at-time=02:30
                loghandlers.handler.daily.compress=true
                loghandlers.handler.daily.loggers=none
                """.formatted(Deployments.value(work.resolve("daily.log"))))) {
            Handler daily = handler(deployment, "daily");
            assertEquals("MIDNIGHT", get(daily, "getWhen").toString().toUpperCase());
            assertEquals(7, get(daily, "getBackupCount"));
            assertEquals(true, get(daily, "isUtc"));
            assertEquals(true, get(daily, "isCompress"));
        }
    }

    @Test
    void memoryHandlerHasItsOptionsAndItsTargetIsTheNamedHandler() throws Exception {
        assumeAvailable("memory");
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.buffer.type=memory
                loghandlers.handler.buffer.capacity=50
                loghandlers.handler.buffer.flush-level=ERROR
                loghandlers.handler.buffer.flush-on-close=false
                loghandlers.handler.buffer.target=sink
                loghandlers.handler.buffer.loggers=none
                loghandlers.handler.sink.class=org.loghandlers.tck.CapturingHandler
                """)) {
            Handler buffer = handler(deployment, "buffer");
            assertEquals(50, get(buffer, "getCapacity"));
            assertEquals(Level.SEVERE.intValue(), ((Level) get(buffer, "getFlushLevel")).intValue());
            assertEquals(false, get(buffer, "isFlushOnClose"));
            assertSame(handler(deployment, "sink"), get(buffer, "getTarget"));
        }
    }

    @Test
    void queueHandlerHasItsOptionsAndPassesRecordsToTheNamedHandlers() throws Exception {
        assumeAvailable("queue");
        try (WeldDeployment deployment = WeldDeployment.deploy(work, """
                loghandlers.handler.async.type=queue
                loghandlers.handler.async.handlers=first,second
                loghandlers.handler.async.capacity=1000
                loghandlers.handler.async.overflow-policy=drop-newest
                loghandlers.handler.async.respect-handler-level=true
                loghandlers.handler.async.loggers=none
                loghandlers.handler.first.class=org.loghandlers.tck.CapturingHandler
                loghandlers.handler.second.class=org.loghandlers.tck.CapturingHandler
                """)) {
            Handler async = handler(deployment, "async");
            assertEquals(1024, get(async, "getCapacity"), "rounded up to a power of two");
            assertEquals("DROP_NEWEST", ((Enum<?>) get(async, "getOverflowPolicy")).name());
            assertEquals(true, get(async, "isRespectHandlerLevel"));
            assertEquals("async", get(async, "getName"));
            assertArrayEquals(new Handler[] {handler(deployment, "first"), handler(deployment, "second")},
                    (Handler[]) get(async, "getHandlers"));
        }
    }
}
