package org.loghandlers.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.loghandlers.cdi.LogHandler;

/** The demo's application code: several threads taking orders, logging as they go. */
@ApplicationScoped
public class OrderTraffic {

    private static final Logger ORDERS = Logger.getLogger("com.acme.orders");
    private static final Logger AUDIT = Logger.getLogger("com.acme.audit");
    private static final Logger BILLING = Logger.getLogger("com.acme.billing");

    /** What was logged, to compare with what the files hold. */
    public record Counts(int total, int audit, int warnings) {
    }

    @Inject
    @LogHandler("app")
    Handler app;

    /** The injected handler is the one the configuration built and attached. */
    public Handler appHandler() {
        return app;
    }

    /** Logs from {@code threads} threads, {@code ordersPerThread} orders each, spread over about three seconds. */
    public Counts burst(int threads, int ordersPerThread) throws InterruptedException {
        AtomicInteger total = new AtomicInteger();
        AtomicInteger audit = new AtomicInteger();
        AtomicInteger warnings = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Thread thread = new Thread(() -> {
                for (int order = 0; order < ordersPerThread; order++) {
                    String id = worker + "-" + order;
                    ORDERS.fine("validating order " + id);
                    ORDERS.info("order " + id + " accepted");
                    AUDIT.info("order " + id + " recorded for user u" + (order % 17));
                    BILLING.info("invoice for order " + id + " issued");
                    total.addAndGet(4);
                    audit.addAndGet(2);
                    if (order % 250 == 249) {
                        ORDERS.log(Level.WARNING, "order " + id + " waited more than 2 s for stock");
                        total.incrementAndGet();
                        warnings.incrementAndGet();
                    }
                    if (order % 100 == 99) {
                        pause();
                    }
                }
            }, "order-worker-" + t);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        return new Counts(total.get(), audit.get(), warnings.get());
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
