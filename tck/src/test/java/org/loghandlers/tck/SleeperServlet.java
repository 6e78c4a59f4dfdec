package org.loghandlers.tck;

import java.io.IOException;
import java.util.Map;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Submits an ordinary task (no long-running hint) named {@code name} that sleeps {@code seconds} on the default
 * managed executor: the control that shows the server does report and cancel a task it finds hung.
 */
@WebServlet("/sleep")
public class SleeperServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long millis = Long.parseLong(request.getParameter("seconds")) * 1000;
        Runnable sleeper = () -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try {
            ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
            executor.execute(ManagedExecutors.managedTask(sleeper,
                    Map.of(ManagedTask.IDENTITY_NAME, request.getParameter("name")), null));
        } catch (NamingException e) {
            throw new IOException(e);
        }
        response.getWriter().print("sleeping");
    }
}
