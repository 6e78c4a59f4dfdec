package org.loghandlers.wildfly;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The test application's only class: {@code GET /log?category=C&run=R&count=N} logs N records at INFO to the
 * {@code java.util.logging} logger C, each {@link #message(String, int)}. It knows nothing of loghandlers.
 */
@WebServlet("/log")
public class LogServlet extends HttpServlet {

    /** The text of record {@code index} of {@code run}: fixed width, so file sizes are predictable. */
    public static String message(String run, int index) {
        return String.format("%-8s record %05d ....................", run, index);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Logger logger = Logger.getLogger(request.getParameter("category"));
        String run = request.getParameter("run");
        int count = Integer.parseInt(request.getParameter("count"));
        for (int i = 0; i < count; i++) {
            logger.info(message(run, i));
        }
        response.setContentType("text/plain");
        response.getWriter().println("logged " + count);
    }
}
