package org.loghandlers.cdi;

import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;

/**
 * Names a queue listener's or a receiver's tasks ({@code loghandlers-queue-<name>}, {@code loghandlers-receiver-<name>})
 * before they go to a ManagedExecutorService, so that the container's reports (WildFly's hung-task messages, Payara's
 * monitoring) say whose they are. The tasks are short (each hands over to a new task every second or so), so they
 * carry no long-running hint. Loaded only when such an executor was found, so the Concurrency API is needed only
 * where the container has it.
 */
final class NamedManagedTasks {

    private NamedManagedTasks() {
    }

    static Executor submitter(Executor managed, String identityName) {
        return task -> {
            Runnable named;
            try {
                named = ManagedExecutors.managedTask(task, Map.of(ManagedTask.IDENTITY_NAME, identityName), null);
            } catch (RuntimeException | LinkageError e) {
                named = task;
            }
            managed.execute(named);
        };
    }
}
