package dev.vigil.server.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its {@code Authorization: Bearer} access token: the signature and expiry, and then
 * the database — the token's session must still be open and its account not frozen. That second check costs one
 * indexed query per request and is what makes logout, force-logout and freezing immediate rather than effective
 * when the token expires. The role comes from the account as it is now.
 *
 * <p>A missing or refused token leaves the request anonymous (public routes still work); the reason is kept as a
 * request attribute for {@link ProblemResponses}' 401. Not a bean, so Spring Boot does not also register it as a
 * servlet filter for every path, {@code /api/**} included.
 */
final class AccessTokenFilter extends OncePerRequestFilter {
  /** Request attribute naming why a presented token was refused. */
  static final String REFUSAL = AccessTokenFilter.class.getName() + ".refusal";
  private static final String BEARER = "Bearer ";

  private final AccessTokens tokens;
  private final SessionStore sessions;
  private final Clock clock;
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  AccessTokenFilter(AccessTokens tokens, SessionStore sessions, Clock clock) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      authenticate(header.substring(BEARER.length()).strip(), request);
    }
    chain.doFilter(request, response);
  }

  private void authenticate(String token, HttpServletRequest request) {
    switch (tokens.verify(token)) {
      case AccessTokens.Verification.Valid valid -> sessions
          .openSession(valid.sessionId(), valid.userId(), valid.tenantId(), clock.instant())
          .ifPresentOrElse(this::signIn, () -> request.setAttribute(REFUSAL, "the session has ended"));
      case AccessTokens.Verification.Expired expired ->
          request.setAttribute(REFUSAL, "the access token has expired; refresh it");
      case AccessTokens.Verification.Invalid invalid ->
          request.setAttribute(REFUSAL, "the access token is invalid");
    }
  }

  private void signIn(AuthenticatedUser user) {
    var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null,
        List.of(new SimpleGrantedAuthority(user.role().authority())));
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
  }
}
