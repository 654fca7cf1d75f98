package dev.vigil.server.api;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any filter or controller sees them — a CR or NUL inside a header value, a header
 * section over {@code server.max-http-request-header-size} (a 1 MB user agent), two Content-Lengths — are answered
 * with the same {@code application/problem+json} as everything else, instead of Tomcat's HTML error page (which
 * also named the server version). {@link ProblemHandler} handles everything that reaches Spring; this covers the
 * connector, where it cannot. Proven by {@code HostileHttpTests}.
 */
@Component
final class ConnectorProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    // The host creates its error valve by class name when it starts, after the context is added to it.
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemValve.class.getName());
      }
    });
  }

  /** Tomcat's error valve, writing a problem instead of an HTML page; never the exception or its message. */
  public static final class ProblemValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String detail = status < 500
          ? "the request is not acceptable HTTP (malformed or oversized request line or headers)"
          : "the server could not handle the request";
      String type = status < 500 ? "bad-request" : "server-error";
      String json = "{\"type\":\"" + ProblemHandler.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":"
          + status + ",\"detail\":\"" + detail + "\"}";
      try {
        response.setContentType("application/problem+json");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(json);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client is gone or the response was committed meanwhile; nothing more to tell it.
      }
    }
  }
}
