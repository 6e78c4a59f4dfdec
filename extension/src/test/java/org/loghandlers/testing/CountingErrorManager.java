package org.loghandlers.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ErrorManager;

/** Keeps every report a handler makes, so a test can assert how often and what it reported. */
public final class CountingErrorManager extends ErrorManager {

    /** One call of {@link #error}. */
    public record Report(String message, Exception cause, int code) {
    }

    private final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public void error(String message, Exception cause, int code) {
        reports.add(new Report(message, cause, code));
    }

    public List<Report> reports() {
        return List.copyOf(reports);
    }

    public int count() {
        return reports.size();
    }
}
