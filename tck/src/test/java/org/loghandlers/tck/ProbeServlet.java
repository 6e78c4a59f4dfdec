package org.loghandlers.tck;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.ObjectName;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Looks at the whole server from a deployment that knows nothing of loghandlers, after others came and went:
 * handlers of ours still on any logger, threads still running a queue listener or a receiver, and how many
 * deployment class loaders holding a {@link RedeployMarker} the garbage collector could not free (from a live-objects
 * heap histogram, after full collections; {@code ?marker=class} counts that marker class instead, for a test whose
 * deployments pin their own), and with {@code ?logger=name} that logger's level and parent-handlers flag. Answers
 * {@code name=value} lines.
 */
@WebServlet("/probe")
public class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        PrintWriter out = response.getWriter();
        out.println("handlers=" + String.join(",", ourHandlersOnLoggers()));
        out.println("listener-threads=" + String.join(",", threadsRunning("org.loghandlers.handlers.QueueListener")));
        out.println("receiver-threads=" + String.join(",", threadsRunning("org.loghandlers.receivers.")));
        String loggerName = request.getParameter("logger");
        if (loggerName != null) {
            Logger logger = Logger.getLogger(loggerName);
            out.println("logger-level=" + logger.getLevel());
            out.println("logger-use-parent-handlers=" + logger.getUseParentHandlers());
        }
        try {
            String marker = request.getParameter("marker");
            out.println("live-markers=" + liveMarkers(marker != null ? marker : RedeployMarker.class.getName()));
        } catch (JMException | InterruptedException e) {
            out.println("live-markers=failed: " + e);
        }
    }

    private static List<String> ourHandlersOnLoggers() {
        List<String> found = new ArrayList<>();
        for (String name : Collections.list(LogManager.getLogManager().getLoggerNames())) {
            Logger logger = LogManager.getLogManager().getLogger(name);
            if (logger == null) {
                continue;
            }
            for (Handler handler : logger.getHandlers()) {
                if (handler.getClass().getName().startsWith("org.loghandlers.")) {
                    found.add("'" + name + "':" + handler.getClass().getName());
                }
            }
        }
        return found;
    }

    /** The names of the threads with a frame of a class whose name starts with {@code prefix}. */
    private static List<String> threadsRunning(String prefix) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().startsWith(prefix)) {
                    found.add(thread.getKey().getName());
                    break;
                }
            }
        }
        return found;
    }

    private static long liveMarkers(String marker) throws JMException, InterruptedException {
        long count = -1;
        for (int attempt = 0; attempt < 20 && count != 0; attempt++) {
            System.gc();
            Thread.sleep(250);
            count = markerInstances(marker);
        }
        return count;
    }

    /** GC.class_histogram counts live objects only (it collects first); each class loader's copy is a row. */
    private static long markerInstances(String marker) throws JMException {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        long count = 0;
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[3].equals(marker)) {
                count += Long.parseLong(columns[1]);
            }
        }
        return count;
    }
}
