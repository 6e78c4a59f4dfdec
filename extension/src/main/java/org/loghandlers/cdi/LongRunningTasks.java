package org.loghandlers.cdi;

import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;

/**
 * Marks a queue listener's loop as a long-running task before it goes to a ManagedExecutorService, so the
 * container does not report it as hung. Loaded only when such an executor was found, so the Concurrency API is
 * needed only where the container has it.
 */
final class LongRunningTasks {

    private LongRunningTasks() {
    }

    static Executor submitter(Executor managed, String queueName) {
        return task -> {
            Runnable marked;
            try {
                marked = ManagedExecutors.managedTask(task, Map.of(ManagedTask.LONGRUNNING_HINT, "true",
                        ManagedTask.IDENTITY_NAME, "loghandlers-queue-" + queueName), null);
            } catch (RuntimeException | LinkageError e) {
                marked = task;
            }
            managed.execute(marked);
        };
    }
}
