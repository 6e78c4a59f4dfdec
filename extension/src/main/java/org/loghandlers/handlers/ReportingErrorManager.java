package org.loghandlers.handlers;

import java.io.PrintStream;
import java.util.logging.ErrorManager;

/**
 * The error manager our handlers start with: prints every report to {@code System.err}.
 *
 * <p>The JDK's {@link ErrorManager} prints only the first error a handler ever has, so a second outage of the same
 * handler would go unseen. Our handlers already report once per outage, not once per record, so printing every
 * report is what a user wants to see.
 */
public class ReportingErrorManager extends ErrorManager {

    @Override
    public void error(String message, Exception cause, int code) {
        PrintStream err = System.err;
        synchronized (err) {
            err.println("loghandlers: " + describe(code) + ": " + message);
            if (cause != null) {
                cause.printStackTrace(err);
            }
        }
    }

    private static String describe(int code) {
        switch (code) {
            case WRITE_FAILURE: return "write failure";
            case FLUSH_FAILURE: return "flush failure";
            case CLOSE_FAILURE: return "close failure";
            case OPEN_FAILURE: return "open failure";
            case FORMAT_FAILURE: return "format failure";
            default: return "failure";
        }
    }
}
