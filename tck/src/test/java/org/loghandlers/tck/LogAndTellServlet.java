package org.loghandlers.tck;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Logs one record {@code message} at {@code level} to {@code logger}, as an application does, and tells the test
 * client what a receiver should find in it: {@code pid=<this server's process id>} and
 * {@code thread=<the request thread's name>}.
 */
@WebServlet("/log-and-tell")
public class LogAndTellServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Logger.getLogger(request.getParameter("logger"))
                .log(Level.parse(request.getParameter("level")), request.getParameter("message"));
        response.setContentType("text/plain");
        response.getWriter().println("pid=" + ProcessHandle.current().pid());
        response.getWriter().println("thread=" + Thread.currentThread().getName());
    }
}
