package dev.vigil.server.api;

import dev.vigil.server.access.ApiAuthenticator;
import dev.vigil.server.access.ApiCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The lean path of {@code POST /api/v1/assess}: a servlet filter ahead of Spring Security's chain that
 * authenticates the key ({@link ApiAuthenticator}, the chain's own check), runs {@link AssessController} and writes
 * its answer, without the security chain's dozen filters and the dispatcher's handler lookup, argument resolution
 * and message conversion — on 2 cores those were about half of the CPU of an assessment (JFR, docs/BENCHMARKS.md,
 * 2026-11-23 fourth session).
 *
 * <p>Same contract as the full path: the security headers the API chain writes, and every error — 401, 404 (another
 * tenant), 413, 429, 503, a malformed event — turned into problem+json by the same resolver and
 * {@link ProblemHandler}. Whatever it does not recognise as a plain JSON assessment request (another method, a
 * content type or {@code Accept} that is not JSON, an unusual request URI) it passes down the chain untouched,
 * before reading anything, so 405/406/415 and the firewall's refusals come from where they always did.
 */
final class AssessFastPath extends OncePerRequestFilter {
  static final String PATH = "/api/v1/assess";
  /** The headers Spring Security's header writer adds to every API answer (HostileHttpTests pins them). */
  private static final Map<String, String> SECURITY_HEADERS = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-XSS-Protection", "0",
      "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
      "Pragma", "no-cache",
      "Expires", "0",
      "X-Frame-Options", "DENY");
  private static final MediaType JSON_SUFFIX = MediaType.parseMediaType("application/*+json");

  private final ApiAuthenticator authenticator;
  private final AssessController controller;
  private final HandlerExceptionResolver problems;

  AssessFastPath(ApiAuthenticator authenticator, AssessController controller, HandlerExceptionResolver problems) {
    this.authenticator = authenticator;
    this.controller = controller;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isPlainAssessRequest(request)) {
      chain.doFilter(request, response);
      return;
    }
    SECURITY_HEADERS.forEach(response::setHeader);
    ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
    try {
      ApiCaller caller = authenticator.authenticate(request);
      long length = request.getContentLengthLong();
      ResponseEntity<String> answer = controller.assess(caller, length < 0 ? null : length, request.getInputStream());
      byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes(StandardCharsets.UTF_8);
      response.setStatus(answer.getStatusCode().value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    } catch (RuntimeException | IOException e) {
      if (response.isCommitted() || problems.resolveException(request, response, null, e) == null) {
        throw e;
      }
    }
  }

  /** POST to exactly the path, a JSON body, a JSON answer acceptable: what the controller's mapping takes. */
  private static boolean isPlainAssessRequest(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())
        || !request.getContextPath().isEmpty()) {
      return false;
    }
    try {
      String contentType = request.getContentType();
      if (contentType == null) {
        return false;
      }
      MediaType type = MediaType.parseMediaType(contentType);
      if (!type.isCompatibleWith(MediaType.APPLICATION_JSON) && !JSON_SUFFIX.includes(type)) {
        return false;
      }
      String accept = request.getHeader("Accept");
      if (accept == null || accept.isBlank()) {
        return true;
      }
      List<MediaType> accepted = MediaType.parseMediaTypes(accept);
      return accepted.stream().anyMatch(media -> media.getQualityValue() > 0
          && media.isCompatibleWith(MediaType.APPLICATION_JSON));
    } catch (IllegalArgumentException e) { // InvalidMediaTypeException included
      return false; // the full path answers it, as before
    }
  }

  /** Registered just ahead of Spring Security's filter chain, for the one path. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<AssessFastPath> assessFastPath(ApiAuthenticator authenticator, AssessController controller,
        @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems, SecurityFilterProperties security) {
      var registration = new FilterRegistrationBean<>(new AssessFastPath(authenticator, controller, problems));
      registration.addUrlPatterns(PATH);
      registration.setOrder(security.getOrder() - 1);
      return registration;
    }
  }
}
