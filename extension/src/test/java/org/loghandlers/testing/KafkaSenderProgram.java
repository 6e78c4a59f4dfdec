package org.loghandlers.testing;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.loghandlers.handlers.KafkaHandler;
import org.loghandlers.handlers.KafkaStatistics;

/**
 * An application JVM for the central-logging tests: logs {@code count} records {@code | sender <s> record <i> |}
 * through a {@link KafkaHandler} with its defaults (keyed by sender), as fast as it can, closes it, and prints
 * {@code sent <pid> millis=<logging and close> accepted=.. delivered=.. lost=..}. Arguments: bootstrap servers, topic, sender number, count.
 *
 * <p>It starts logging once the handler's producer is up (its first record, {@code started}, delivered): the records
 * a tight loop makes while the producer is still being made would overflow the backlog that holds them meanwhile,
 * which an application starting up does not do.
 */
public final class KafkaSenderProgram {

    private KafkaSenderProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaHandler handler = new KafkaHandler();
        handler.setBootstrapServers(args[0]);
        handler.setTopic(args[1]);
        handler.setCloseTimeout("60s");
        String sender = args[2];
        int count = Integer.parseInt(args[3]);
        Logger logger = Logger.getLogger("app.sender" + sender);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        logger.info("started");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (handler.getStatistics().delivered() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            logger.log(Level.INFO, "| sender " + sender + " record " + i + " |");
        }
        handler.close();
        KafkaStatistics statistics = handler.getStatistics();
        System.out.println("sent " + ProcessHandle.current().pid() + " millis=" + (System.nanoTime() - start) / 1_000_000
                + " accepted=" + statistics.accepted()
                + " delivered=" + statistics.delivered() + " lost=" + statistics.lost());
    }
}
