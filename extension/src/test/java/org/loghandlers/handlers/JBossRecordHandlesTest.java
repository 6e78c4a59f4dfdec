package org.loghandlers.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue and the formatter read a JBoss record's thread name and message through handles kept for the first
 * record class in static fields; those must give the record's own values whether the holders were set up by the
 * first record, as usual, or initialised before any record by something that loads every class.
 */
class JBossRecordHandlesTest {

    private static final String[] HOLDERS = {
        "org.loghandlers.handlers.JBossRecordCopier$FirstClass", "org.loghandlers.format.JBossRecords$FirstClass"};

    @TempDir
    Path dir;

    @Test
    void theFirstRecordClassIsReadThroughItsOwnMethods() throws Exception {
        assertEquals(expectedLines(), linesWrittenInAFreshApplication(false));
    }

    @Test
    void holdersInitialisedBeforeAnyRecordLeaveRecordsToTheirOwnLookup() throws Exception {
        assertEquals(expectedLines(), linesWrittenInAFreshApplication(true));
    }

    private static List<String> expectedLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(Thread.currentThread().getName() + " record " + i);
            lines.add(Thread.currentThread().getName() + " record " + i);
        }
        lines.sort(null);
        return lines;
    }

    /**
     * Five JBoss records, each written directly and through a queue, by our classes loaded afresh; the file's lines
     * sorted, since the queue's copies arrive in their own time.
     */
    private List<String> linesWrittenInAFreshApplication(boolean initialiseHoldersFirst) throws Exception {
        Path log = dir.resolve("app-" + initialiseHoldersFirst + ".log");
        try (URLClassLoader server = ServerAndApplicationLoaders.server();
                URLClassLoader application = ServerAndApplicationLoaders.application(server)) {
            if (initialiseHoldersFirst) {
                for (String holder : HOLDERS) {
                    Class.forName(holder, true, application);
                }
            }
            Handler[] fileAndQueue = ServerAndApplicationLoaders.fileAndQueue(application, log,
                    "%(threadName)s %(message)s");
            ServerAndApplicationLoaders.publishJBossRecordsAndClose(server, 5, fileAndQueue);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.sort(null);
        return lines;
    }
}
