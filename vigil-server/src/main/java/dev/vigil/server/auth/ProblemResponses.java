package dev.vigil.server.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security chain's 401 and 403, written as {@code application/problem+json} like every other error (they
 * happen before Spring MVC, so the {@code ProblemHandler} cannot produce them).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
  private static final String TYPE_BASE = "https://vigil.dev/problems/";

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  /** No or refused access token: 401 with a {@code WWW-Authenticate: Bearer} challenge. */
  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    Object refusal = request.getAttribute(AccessTokenFilter.REFUSAL);
    response.setHeader("WWW-Authenticate", refusal == null ? "Bearer" : "Bearer error=\"invalid_token\"");
    write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
        refusal == null ? "this request needs a valid access token (Authorization: Bearer …)" : refusal.toString());
  }

  /** Authenticated but the role does not allow the route: 403. */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "your role does not allow this request");
  }

  private void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", TYPE_BASE + type);
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }
}
