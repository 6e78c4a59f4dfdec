package org.loghandlers.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.loghandlers.format.JsonFormatter;
import org.loghandlers.handlers.RotatingFileHandler;
import org.loghandlers.receivers.KafkaReceiver;

/**
 * A central receiver JVM for the central-logging tests: {@code receivers} Kafka receivers in one group hand every
 * record to one rotating file, a JSON object a line (with the sender's host and process). Prints {@code ready} once they
 * run; on SIGTERM the receivers stop (draining) before the file closes. Arguments: bootstrap servers, topic, group,
 * file, number of receivers, and optionally the receivers' state file (one, shared by them).
 */
public final class KafkaCentralProgram {

    /** 2 MiB files, enough backups for every test's records. */
    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final int BACKUP_COUNT = 60;

    private KafkaCentralProgram() {
    }

    public static void main(String[] args) throws Exception {
        RotatingFileHandler file = new RotatingFileHandler();
        file.setFileName(args[3]);
        file.setMaxBytes(MAX_BYTES);
        file.setBackupCount(BACKUP_COUNT);
        file.setFormatter(new JsonFormatter());
        List<KafkaReceiver> receivers = new ArrayList<>();
        for (int i = 1; i <= Integer.parseInt(args[4]); i++) {
            KafkaReceiver receiver = new KafkaReceiver();
            receiver.setName("central-" + i);
            receiver.setBootstrapServers(args[0]);
            receiver.setTopic(args[1]);
            receiver.setGroup(args[2]);
            receiver.setHandlers(file);
            if (args.length > 5) {
                receiver.setStateFile(args[5]);
            }
            // A member killed without leaving is noticed after this long (the broker's least): its partitions
            // go to the others then, and a restarted member joins without waiting for Kafka's 45 s default.
            receiver.setPrefixedOption("kafka.session.timeout.ms", "6000");
            receiver.setPrefixedOption("kafka.heartbeat.interval.ms", "2000");
            receivers.add(receiver);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receivers.forEach(KafkaReceiver::stop);
            file.close();
            stopped.countDown();
        }));
        for (KafkaReceiver receiver : receivers) {
            receiver.start();
        }
        System.out.println("ready");
        stopped.await();
    }
}
