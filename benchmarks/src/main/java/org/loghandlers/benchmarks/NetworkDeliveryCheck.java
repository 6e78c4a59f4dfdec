package org.loghandlers.benchmarks;

import java.util.Locale;

import org.loghandlers.benchmarks.DeliveryCheck.DeliveryCheckFailedException;

/**
 * Compares the logging calls of one iteration with the records a {@link Sink} received. Over TCP every record must
 * arrive, exactly once; over UDP fewer may arrive (the network may drop datagrams, and loopback does when the
 * receiver falls behind), and the loss is reported beside the figure, but never more, never nothing, and never
 * something that is not the workload's record.
 */
final class NetworkDeliveryCheck {

    private NetworkDeliveryCheck() {
    }

    /**
     * Throws {@link DeliveryCheckFailedException} when the reception does not account for the calls; otherwise
     * returns the line that reports them: {@code delivery: <description>: calls C, received R, lost L (P %); wire}.
     */
    static String verify(String description, Wire wire, long calls, Reception reception) {
        long received = reception.records();
        if (reception.error() != null) {
            fail(description, wire, "the sink read something that is not a stream of records: " + reception.error());
        }
        if (received > calls) {
            fail(description, wire, String.format("%,d records sent but %,d received: %,d more (duplicated or"
                    + " foreign records)", calls, received, received - calls));
        }
        if (calls > 0 && received == 0) {
            fail(description, wire, String.format("%,d records sent but none received", calls));
        }
        if (received > 0 && !reception.first().contains(Workload.MESSAGE)) {
            fail(description, wire, "the first record received is not the workload's (no '" + Workload.MESSAGE
                    + "' in it): " + reception.first());
        }
        if (!wire.isDatagram() && received < calls) {
            fail(description, wire, String.format("%,d records sent but %,d received: %,d lost%s; over TCP a"
                    + " throughput figure counts only when every record is delivered", calls, received,
                    calls - received, reception.settled() ? "" : " (a connection was still open when the wait ended)"));
        }
        long lost = calls - received;
        return String.format(Locale.ROOT, "delivery: %s: calls %d, received %d, lost %d (%.3f %%); %s", description,
                calls, received, lost, calls == 0 ? 0.0 : 100.0 * lost / calls, wire);
    }

    private static void fail(String description, Wire wire, String what) {
        throw new DeliveryCheckFailedException(description + " (" + wire + "): " + what);
    }
}
