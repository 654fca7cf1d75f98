package dev.vigil.server.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Authenticates the engine API's callers by API key ({@code Authorization: Bearer <key>} or
 * {@code X-Api-Key: <key>}) through {@link ApiAuthenticator}, which also spends one request of its rate budget, and
 * makes the key's {@link ApiCaller} the principal. Failures become problems through the MVC exception resolver, so {@code api.ProblemHandler} answers them
 * like any other error. Not a bean: a bean filter would also be registered for every path of the servlet.
 */
final class ApiKeyFilter extends OncePerRequestFilter {
  private final ApiAuthenticator authenticator;
  private final HandlerExceptionResolver problems;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  ApiKeyFilter(ApiAuthenticator authenticator, HandlerExceptionResolver problems) {
    this.authenticator = authenticator;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ApiCaller authenticated;
    try {
      authenticated = authenticator.authenticate(request);
    } catch (ApiKeyRejectedException | RateLimitedException | DataAccessException e) {
      problems.resolveException(request, response, null, e); // 401, 429, or a database outage's 503
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(new ApiKeyAuthentication(authenticated));
    contexts.setContext(context);
    chain.doFilter(request, response);
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
