package org.loghandlers.receivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.loghandlers.handlers.SocketHandler;
import org.loghandlers.testing.CountingErrorManager;

/** Our SocketHandler and our SocketReceiver end to end: in Python's pickle, and in JSON lines. */
class SocketHandlerToSocketReceiverTest {

    private static List<LogRecord> sendAndReceive(String format, int count) throws Exception {
        CountingErrorManager errors = new CountingErrorManager();
        RecordCollector collector = new RecordCollector();
        try (SocketReceiver receiver = new SocketReceiver("127.0.0.1", 0)) {
            receiver.setFormat(format.equals("pickle") ? "python" : "json");
            receiver.setErrorManager(errors);
            receiver.setHandlers(collector);
            receiver.start();
            SocketHandler sender = new SocketHandler("127.0.0.1", receiver.getLocalPort());
            sender.setFormat(format);
            sender.setErrorManager(errors);
            Logger logger = Logger.getLogger("end.to.end." + format);
            logger.setUseParentHandlers(false);
            logger.addHandler(sender);
            try {
                for (int i = 0; i < count - 1; i++) {
                    logger.log(Level.INFO, "record {0} of {1}", new Object[] {i, format});
                }
                logger.log(Level.SEVERE, "the last one", new IllegalStateException("disk full"));
                List<LogRecord> received = collector.await(count);
                assertEquals(0, errors.count(), () -> errors.reports().toString());
                assertEquals(0, sender.getLostRecordCount());
                return received;
            } finally {
                logger.removeHandler(sender);
                sender.close();
            }
        }
    }

    @Test
    void picklesArriveAsTheRecordsTheyWereInOrder() throws Exception {
        List<LogRecord> received = sendAndReceive("pickle", 500);
        assertEquals(500, received.size());
        for (int i = 0; i < 499; i++) {
            assertEquals("record " + i + " of pickle", received.get(i).getMessage());
            assertEquals(Level.INFO, received.get(i).getLevel());
            assertEquals("end.to.end.pickle", received.get(i).getLoggerName());
        }
        LogRecord last = received.get(499);
        assertEquals(Level.SEVERE, last.getLevel());
        assertEquals(getClass().getName(), last.getSourceClassName());
        assertEquals("sendAndReceive", last.getSourceMethodName());
        ReceivedRecord remote = assertInstanceOf(ReceivedRecord.class, last);
        assertEquals(ProcessHandle.current().pid(), remote.getProcess());
        assertTrue(String.valueOf(remote.getAttributes().get("exc_text")).contains("disk full"),
                remote.getAttributes().toString());
    }

    @Test
    void jsonLinesArriveAsTheRecordsTheyWere() throws Exception {
        List<LogRecord> received = sendAndReceive("json", 50);
        assertEquals(50, received.size());
        assertEquals("record 7 of json", received.get(7).getMessage());
        assertEquals(Level.SEVERE, received.get(49).getLevel());
        assertEquals("end.to.end.json", received.get(49).getLoggerName());
    }
}
