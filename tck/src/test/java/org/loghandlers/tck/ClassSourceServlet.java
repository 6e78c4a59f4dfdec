package org.loghandlers.tck;

import java.io.IOException;
import java.security.CodeSource;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers where the deployment's class loader takes the class {@code name} from: the location of its code source
 * (a jar in {@code WEB-INF/lib}, or one of the server's), {@code none} for a class without one, or {@code absent}.
 */
@WebServlet("/class-source")
public class ClassSourceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            Class<?> type = Class.forName(request.getParameter("name"), false, getClass().getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            answer = source == null || source.getLocation() == null ? "none" : source.getLocation().toString();
        } catch (ClassNotFoundException | LinkageError e) {
            answer = "absent";
        }
        response.setContentType("text/plain");
        response.getWriter().print(answer);
    }
}
