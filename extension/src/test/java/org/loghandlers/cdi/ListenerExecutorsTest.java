package org.loghandlers.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.naming.Context;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListenerExecutorsTest {

    private final ExecutorService containerThreads = Executors.newSingleThreadExecutor(
            task -> new Thread(task, "container-managed-thread"));

    @BeforeEach
    void installNaming() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, ContainerNaming.class.getName());
    }

    @AfterEach
    void removeNaming() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        ContainerNaming.BOUND.clear();
        containerThreads.shutdownNow();
    }

    private static String threadThatRan(java.util.concurrent.Executor executor) throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        executor.execute(() -> thread.complete(Thread.currentThread().getName()));
        return thread.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theListenerRunsOnTheDefaultManagedExecutorWhenTheContainerHasOne() throws Exception {
        ContainerNaming.BOUND.put(ListenerExecutors.DEFAULT_EXECUTOR, containerThreads);
        java.util.concurrent.Executor executor = new ListenerExecutors().forQueue("async", null);
        assertNotNull(executor);
        assertEquals("container-managed-thread", threadThatRan(executor));
    }

    @Test
    void theExecutorKeyNamesAnotherManagedExecutor() throws Exception {
        ContainerNaming.BOUND.put("java:app/concurrency/logging", containerThreads);
        ListenerExecutors executors = new ListenerExecutors();
        assertEquals("container-managed-thread",
                threadThatRan(executors.forQueue("async", "java:app/concurrency/logging")));
        assertNull(executors.forQueue("other", null), "nothing is bound under the default name");
    }

    @Test
    void withoutNamingTheListenerKeepsItsOwnThread() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        assertNull(new ListenerExecutors().forQueue("async", null));
    }
}
