package org.loghandlers.handlers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;

import org.loghandlers.handlers.wire.MailBody;
import org.loghandlers.handlers.wire.MailDate;

/**
 * Sends an {@link SmtpHandler}'s mails on one daemon thread of its own, so that a slow or unreachable server never
 * holds a logging thread longer than the handler lets it wait. The thread ends after thirty idle seconds and is made
 * again for the next mail. Mails queued while the thread was busy go out over one
 * connection. A failure costs the mails it hit: they are counted, the outage is reported once through the handler's
 * {@code ErrorManager}, and the next mail that is sent says how many records were lost.
 */
final class MailSender {

    /** Mails waiting to be sent; past this a new one is lost rather than kept, so an outage cannot eat the heap. */
    static final int MAX_PENDING_MAILS = 1000;

    private final SmtpHandler handler;
    private final MailConnector connector;
    private final OutageReporter outage;
    private final ConcurrentLinkedQueue<OutgoingMail> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final MailTally heldBack = new MailTally();
    private final MailTally lost = new MailTally();
    private final AtomicLong sentMails = new AtomicLong();

    private ScheduledThreadPoolExecutor executor;
    private boolean shutDown;

    MailSender(SmtpHandler handler, MailConnector connector) {
        this.handler = handler;
        this.connector = connector;
        this.outage = new OutageReporter(handler);
    }

    /** Queues {@code mail}; false, and the records counted as lost, when it cannot be queued. */
    boolean submit(OutgoingMail mail) {
        if (pendingCount.incrementAndGet() > MAX_PENDING_MAILS) {
            pendingCount.decrementAndGet();
            lose(mail, handler.describe() + ": " + MAX_PENDING_MAILS + " mails are waiting for the server; further"
                    + " records are lost until it catches up", null, ErrorManager.WRITE_FAILURE);
            return false;
        }
        pending.add(mail);
        if (drainScheduled.compareAndSet(false, true) && !execute(this::drain, 0)) {
            drainScheduled.set(false);
            OutgoingMail removed;
            while ((removed = pending.poll()) != null) {
                pendingCount.decrementAndGet();
                removed.finished();
            }
            return false;
        }
        return true;
    }

    /** Runs {@code task} on the sender's thread after {@code delayNanos}; nothing once shut down. */
    void schedule(Runnable task, long delayNanos) {
        execute(task, delayNanos);
    }

    private synchronized boolean execute(Runnable task, long delayNanos) {
        if (shutDown) {
            return false;
        }
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1,
                    runnable -> DeliveryThreads.newThread(runnable, "loghandlers-smtp-" + handler.settings().describe()));
            executor.setKeepAliveTime(30, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executor.setRemoveOnCancelPolicy(true);
        }
        try {
            executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    boolean inOutage() {
        return outage.inOutage();
    }

    void heldBack(long records) {
        heldBack.add(records, Instant.now());
    }

    long heldBackTotal() {
        return heldBack.total();
    }

    long lostTotal() {
        return lost.total();
    }

    long sentMails() {
        return sentMails.get();
    }

    /**
     * Sends what is queued. Jakarta Mail finds its implementation through the context class loader, so the thread
     * has ours while it sends, and none between mails (as every delivery thread of ours).
     */
    private void drain() {
        Thread current = Thread.currentThread();
        current.setContextClassLoader(SmtpHandler.class.getClassLoader());
        try {
            sendQueued();
        } finally {
            current.setContextClassLoader(null);
        }
    }

    private void sendQueued() {
        drainScheduled.set(false);
        List<OutgoingMail> batch = new ArrayList<>();
        OutgoingMail next;
        while ((next = pending.poll()) != null) {
            pendingCount.decrementAndGet();
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        SmtpSettings settings = handler.settings();
        MailConnector.MailConnection connection;
        try {
            connection = connector.open(settings);
        } catch (MailFailure e) {
            loseAll(batch, 0, describe(settings) + ": " + e.getMessage(), e, ErrorManager.OPEN_FAILURE);
            return;
        } catch (RuntimeException | LinkageError e) {
            loseAll(batch, 0, describe(settings) + ": could not connect: " + e, null, ErrorManager.OPEN_FAILURE);
            return;
        }
        try {
            for (int i = 0; i < batch.size(); i++) {
                OutgoingMail mail = batch.get(i);
                if (!send(connection, settings, mail)) {
                    loseAll(batch, i + 1, null, null, 0);
                    return;
                }
                mail.finished();
            }
        } finally {
            connection.close();
        }
    }

    /** Sends one mail; false when the connection cannot be used for the next one. */
    private boolean send(MailConnector.MailConnection connection, SmtpSettings settings, OutgoingMail mail) {
        MailTally.Snapshot held = heldBack.snapshot();
        MailTally.Snapshot lostBefore = lost.snapshot();
        String body = MailBody.compose(mail.records(), notices(mail, held, lostBefore));
        try {
            connection.send(mail.from(), mail.to(), mail.subject(), MailDate.format(java.time.ZonedDateTime.now()),
                    body);
        } catch (MailFailure e) {
            lose(mail, describe(settings) + ": " + e.getMessage(), e, ErrorManager.WRITE_FAILURE);
            return e.connectionUsable();
        } catch (RuntimeException | LinkageError e) {
            lose(mail, describe(settings) + ": could not send: " + e, null, ErrorManager.WRITE_FAILURE);
            return false;
        }
        heldBack.told(held);
        lost.told(lostBefore);
        sentMails.incrementAndGet();
        outage.succeeded();
        return true;
    }

    private List<String> notices(OutgoingMail mail, MailTally.Snapshot held, MailTally.Snapshot lostBefore) {
        List<String> notices = new ArrayList<>();
        if (mail.notIncluded() > 0) {
            notices.add("loghandlers: " + records(mail.notIncluded()) + " of this period "
                    + (mail.notIncluded() == 1 ? "is" : "are") + " not included (digest-capacity="
                    + handler.getDigestCapacity() + ").");
        }
        if (held.count() > 0) {
            notices.add("loghandlers: " + records(held.count()) + " since " + held.since() + " "
                    + (held.count() == 1 ? "was" : "were") + " not mailed because max-mails-per-minute="
                    + handler.getMaxMailsPerMinute() + " was reached.");
        }
        if (lostBefore.count() > 0) {
            notices.add("loghandlers: " + records(lostBefore.count()) + " since " + lostBefore.since()
                    + " could not be mailed because sending failed (reported through the ErrorManager).");
        }
        return notices;
    }

    private static String records(long count) {
        return count == 1 ? "1 record" : count + " records";
    }

    /** Reports (once per outage) first, then counts, so whoever sees the count also sees the report. */
    private void loseAll(List<OutgoingMail> batch, int from, String message, Exception cause, int code) {
        if (message != null) {
            outage.failed(message, cause, code);
        }
        for (int i = from; i < batch.size(); i++) {
            OutgoingMail mail = batch.get(i);
            lost.add(mail.records().size() + mail.notIncluded(), Instant.now());
            mail.finished();
        }
    }

    private void lose(OutgoingMail mail, String message, Exception cause, int code) {
        outage.failed(message, cause, code);
        lost.add(mail.records().size() + mail.notIncluded(), Instant.now());
        mail.finished();
    }

    private String describe(SmtpSettings settings) {
        return handler.getClass().getSimpleName() + "(" + settings.describe() + ")";
    }

    /**
     * Sends what is queued and stops the thread, waiting at most {@code waitNanos}; a mail still in progress then
     * finishes on its own. Later submissions are refused.
     */
    void shutdown(long waitNanos) {
        ScheduledThreadPoolExecutor running;
        synchronized (this) {
            shutDown = true;
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            running.awaitTermination(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
