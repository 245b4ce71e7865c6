package hello;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The e2e's web app: answers every GET with a greeting read, on each request, from
 * {@code hello.properties} on the server classpath (Jetty's {@code resources} module puts
 * {@code ${jetty.base}/resources/} there), and logs each request with java.util.logging (stderr).
 */
public class HelloServlet extends HttpServlet {
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(HelloServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("hello.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        String greeting = p.getProperty("greeting", "(no hello.properties on the classpath)");
        LOG.info("hello-app served " + req.getRequestURI() + " with greeting '" + greeting + "'");
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().println("hello-app says: " + greeting);
    }
}
