package dev.vigil.server.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Authenticates the engine API's callers by API key ({@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}), makes the key's {@link ApiCaller} the principal, and spends one request of its rate
 * budget. Failures become problems through the MVC exception resolver, so {@code api.ProblemHandler} answers them
 * like any other error. Not a bean: a bean filter would also be registered for every path of the servlet.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
  static final String API_KEY_HEADER = "X-Api-Key";
  private static final String BEARER = "bearer ";

  private final ApiKeys keys;
  private final RateLimiter rateLimiter;
  private final HandlerExceptionResolver problems;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  ApiKeyFilter(ApiKeys keys, RateLimiter rateLimiter, HandlerExceptionResolver problems) {
    this.keys = keys;
    this.rateLimiter = rateLimiter;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = presentedKey(request);
    Optional<ApiCaller> caller;
    try {
      caller = presented == null ? Optional.empty() : keys.authenticate(presented);
    } catch (DataAccessException e) {
      problems.resolveException(request, response, null, e); // a database outage: 503 problem+json
      return;
    }
    try {
      ApiCaller authenticated = caller.orElseThrow(() -> new ApiKeyRejectedException(presented == null));
      rateLimiter.acquire(authenticated.keyId());
      SecurityContext context = contexts.createEmptyContext();
      context.setAuthentication(new ApiKeyAuthentication(authenticated));
      contexts.setContext(context);
    } catch (ApiKeyRejectedException | RateLimitedException e) {
      problems.resolveException(request, response, null, e);
      return;
    }
    chain.doFilter(request, response);
  }

  private static @Nullable String presentedKey(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.length() > BEARER.length()
        && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return authorization.substring(BEARER.length()).strip();
    }
    String header = request.getHeader(API_KEY_HEADER);
    return header == null || header.isBlank() ? null : header.strip();
  }

  /** An authenticated API caller; carries no credentials once checked. */
  static final class ApiKeyAuthentication extends AbstractAuthenticationToken {
    private final ApiCaller caller;

    ApiKeyAuthentication(ApiCaller caller) {
      super(List.of());
      this.caller = caller;
      setAuthenticated(true);
    }

    @Override
    public ApiCaller getPrincipal() {
      return caller;
    }

    @Override
    public @Nullable Object getCredentials() {
      return null;
    }

    @Override
    public String getName() {
      return caller.tenantId() + "/" + caller.keyId();
    }
  }
}
