package org.loghandlers.handlers;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.ErrorManager;

/**
 * Where {@link KafkaHandler}'s encoded records go: straight to the producer while it takes them, else into a backlog
 * that one thread of its own sends, in order, once the producer can take them again. The producer cannot take
 * records before it exists (it is made on that thread at the first record) or while it has no metadata for the
 * topic (the broker is unreachable, or restarting and has dropped it). The backlog holds at most as many bytes as
 * the producer's own buffer ({@code buffer.memory}); past that, and past a full producer buffer, records are counted
 * as lost at once, and only one call a second waits max-block to try Kafka again.
 */
final class KafkaDispatcher {

    /** What the dispatcher reports to its handler. */
    interface Listener extends KafkaLink.Delivery {

        /** A record is lost; {@code message} is reported unless this outage was reported already. */
        void lost(String message, Exception cause, int code);
    }

    /** The producer's settings, fixed when the first record arrives. */
    record Settings(String describe, String bootstrapServers, String topic, Duration maxBlock,
                    Map<String, String> kafkaProperties, Map<String, byte[]> headers, long backlogBytes) {
    }

    /** One encoded record on its way to the producer. */
    record Outgoing(byte[] key, byte[] value, long timestampMillis) {

        long size() {
            // Headers and Kafka's per-record overhead come to about this much.
            return value.length + (key == null ? 0 : key.length) + 128;
        }
    }

    static final int OPEN_WAIT_SECONDS = 30;
    private static final long PROBE_INTERVAL_NANOS = 1_000_000_000L;
    private static final long REOPEN_INTERVAL_NANOS = 10_000_000_000L;
    private static final long FULL_BUFFER_PAUSE_NANOS = 5_000_000L;

    private final Settings settings;
    private final Listener listener;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong nextProbe = new AtomicLong();
    private final Object lock = new Object();

    /** True while records go straight to {@link #link}; false while they go to the backlog. */
    private volatile boolean direct;
    private volatile KafkaLink link;
    private volatile boolean congested;
    private volatile boolean closed;
    // Guarded by lock:
    private final ArrayDeque<Outgoing> backlog = new ArrayDeque<>();
    private long heldBytes;
    private Thread sender;
    private boolean libraryMissing;
    private long nextOpenAttempt = System.nanoTime();

    KafkaDispatcher(Settings settings, Listener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** Sends {@code outgoing} or holds it; never throws, waits at most max-block. */
    void dispatch(Outgoing outgoing) {
        if (!direct) {
            synchronized (lock) {
                if (!direct) {
                    hold(outgoing);
                    return;
                }
            }
        }
        if (congested && !probeNow()) {
            listener.lost(null, null, ErrorManager.WRITE_FAILURE);
            return;
        }
        KafkaLink open = link;
        RuntimeException refusal = trySend(open, outgoing);
        if (refusal == null) {
            congested = false;
        } else if (open.isFullBuffer(refusal)) {
            nextProbe.set(System.nanoTime() + PROBE_INTERVAL_NANOS);
            congested = true;
            listener.lost(settings.describe() + ": Kafka did not take a record within max-block "
                    + settings.maxBlock().toMillis() + " ms: its buffer is full (the broker is slower than the"
                    + " application, or unreachable); records are counted as lost, without waiting, until it takes"
                    + " them again", refusal, ErrorManager.WRITE_FAILURE);
        } else if (open.isMissingMetadata(refusal)) {
            synchronized (lock) {
                direct = false;
                hold(outgoing);
            }
        } else {
            listener.lost(settings.describe() + ": Kafka refused a record", refusal, ErrorManager.WRITE_FAILURE);
        }
    }

    /**
     * Sends what is held within {@code timeout}, then closes the producer within what is left of it. What is
     * still held then is counted as lost; the producer fails what it could not deliver, which the listener counts.
     */
    void close(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread running;
        synchronized (lock) {
            running = sender;
        }
        if (running != null) {
            join(running, deadline);
        }
        closed = true;
        if (running != null) {
            join(running, System.nanoTime() + settings.maxBlock().toNanos() * 2 + 1_000_000_000L);
        }
        synchronized (lock) {
            direct = false;
            while (!backlog.isEmpty()) {
                backlog.poll();
                listener.lost(null, null, ErrorManager.CLOSE_FAILURE);
            }
            heldBytes = 0;
        }
        KafkaLink open = link;
        if (open != null) {
            open.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    // ---- holding

    /** Called holding {@link #lock}: keeps {@code outgoing} for the sender thread, which it starts if needed. */
    private void hold(Outgoing outgoing) {
        if (closed || libraryMissing) {
            listener.lost(null, null, ErrorManager.WRITE_FAILURE);
            return;
        }
        if (sender == null && (link != null || System.nanoTime() - nextOpenAttempt >= 0)) {
            sender = new Thread(this::sendHeld, "loghandlers-kafka-" + settings.topic());
            sender.setDaemon(true);
            sender.setContextClassLoader(KafkaDispatcher.class.getClassLoader());
            sender.start();
        }
        if (sender == null) {
            listener.lost(null, null, ErrorManager.OPEN_FAILURE);
        } else if (heldBytes + outgoing.size() > settings.backlogBytes()) {
            listener.lost(settings.describe() + ": Kafka cannot take records (no metadata for the topic: the broker"
                    + " is unreachable or starting) and those waiting fill " + settings.backlogBytes() + " bytes"
                    + " (buffer.memory); records are counted as lost until it takes them again", null,
                    ErrorManager.WRITE_FAILURE);
        } else {
            backlog.add(outgoing);
            heldBytes += outgoing.size();
        }
    }

    /** The sender thread: makes the producer if there is none, then sends the backlog until it is empty. */
    private void sendHeld() {
        KafkaLink open = link != null ? link : open();
        if (open == null) {
            return;
        }
        while (true) {
            open.awaitTopic(settings.topic(), Duration.ofSeconds(OPEN_WAIT_SECONDS), () -> closed);
            Outgoing[] held;
            synchronized (lock) {
                if (backlog.isEmpty() || closed) {
                    direct = !closed;
                    sender = null;
                    return;
                }
                held = backlog.toArray(new Outgoing[0]);
                backlog.clear();
                heldBytes = 0;
            }
            sendInOrder(open, held);
        }
    }

    /** Sends {@code held}; on missing metadata puts the rest back at the backlog's head to wait again. */
    private void sendInOrder(KafkaLink open, Outgoing[] held) {
        for (int i = 0; i < held.length; i++) {
            RuntimeException refusal = trySend(open, held[i]);
            while (refusal != null && open.isFullBuffer(refusal) && !closed) {
                LockSupport.parkNanos(FULL_BUFFER_PAUSE_NANOS);
                refusal = trySend(open, held[i]);
            }
            if (refusal == null) {
                continue;
            }
            if (open.isMissingMetadata(refusal) && !closed) {
                synchronized (lock) {
                    for (int j = held.length - 1; j >= i; j--) {
                        backlog.addFirst(held[j]);
                        heldBytes += held[j].size();
                    }
                }
                return;
            }
            listener.lost(settings.describe() + ": Kafka refused a record", refusal, ErrorManager.WRITE_FAILURE);
        }
    }

    private KafkaLink open() {
        try {
            KafkaLink made = KafkaProducerLink.open(settings.bootstrapServers(), settings.maxBlock(),
                    settings.kafkaProperties(), settings.headers());
            link = made;
            return made;
        } catch (LinkageError e) {
            openFailed(true, settings.describe() + ": kafka-clients is not on the class path: add "
                    + KafkaHandler.KAFKA_CLIENTS + " beside the loghandlers jar; records are dropped", null);
        } catch (RuntimeException e) {
            openFailed(false, settings.describe() + " (bootstrap servers " + settings.bootstrapServers() + "): could"
                    + " not make the Kafka producer; records are dropped, the next attempt is in 10 s", e);
        }
        return null;
    }

    private void openFailed(boolean missingLibrary, String message, Exception cause) {
        int dropped;
        synchronized (lock) {
            libraryMissing = missingLibrary;
            dropped = backlog.size();
            backlog.clear();
            heldBytes = 0;
            sender = null;
            nextOpenAttempt = System.nanoTime() + REOPEN_INTERVAL_NANOS;
        }
        listener.lost(message, cause, ErrorManager.OPEN_FAILURE);
        for (int i = 1; i < dropped; i++) {
            listener.lost(null, null, ErrorManager.OPEN_FAILURE);
        }
    }

    // ---- sending

    /** Sends one record: null when the producer took it, else its refusal. */
    private RuntimeException trySend(KafkaLink open, Outgoing outgoing) {
        try {
            open.send(settings.topic(), outgoing.key(), outgoing.value(), outgoing.timestampMillis(),
                    sequence.incrementAndGet(), listener);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** While congested, whether this call is the one per second that tries Kafka again (and may wait). */
    private boolean probeNow() {
        long due = nextProbe.get();
        long now = System.nanoTime();
        return now - due >= 0 && nextProbe.compareAndSet(due, now + PROBE_INTERVAL_NANOS);
    }

    private static void join(Thread thread, long deadline) {
        try {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
