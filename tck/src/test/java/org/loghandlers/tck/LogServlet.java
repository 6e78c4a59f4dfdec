package org.loghandlers.tck;

import java.io.IOException;
import java.util.logging.Logger;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What an application does: logs {@code count} records "{@code message} i" to the logger {@code logger} on a request
 * thread, with java.util.logging only. Also pins a {@link RedeployMarker} to this deployment's class loader.
 */
@WebServlet("/log")
public class LogServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RedeployMarker.pin();
        Logger logger = Logger.getLogger(request.getParameter("logger"));
        String message = request.getParameter("message");
        int count = Integer.parseInt(request.getParameter("count"));
        for (int i = 0; i < count; i++) {
            logger.info(message + " " + i);
        }
        response.setContentType("text/plain");
        response.getWriter().print("logged " + count);
    }
}
