package dev.vigil.server.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Who calls the engine API: the API key presented ({@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>})
 * checked against the key store, and one request of that key's rate budget spent. The one place this is decided,
 * for the Spring Security chain of {@code /api/**} ({@link ApiKeyFilter}) and for the engine API's lean path that
 * runs ahead of it ({@code api.AssessFastPath}).
 */
@Component
public final class ApiAuthenticator {
  static final String API_KEY_HEADER = "X-Api-Key";
  private static final String BEARER = "bearer ";

  private final ApiKeys keys;
  private final RateLimiter rateLimiter;

  ApiAuthenticator(ApiKeys keys, RateLimiter rateLimiter) {
    this.keys = keys;
    this.rateLimiter = rateLimiter;
  }

  /**
   * The caller of {@code request}, after spending one request of its key's budget.
   *
   * @throws ApiKeyRejectedException when no key or an unknown, revoked or malformed one was presented (401)
   * @throws RateLimitedException when the key's budget is spent (429)
   * @throws org.springframework.dao.DataAccessException when the key store cannot be read (503)
   */
  public ApiCaller authenticate(HttpServletRequest request) {
    String presented = presentedKey(request);
    ApiCaller caller = (presented == null ? java.util.Optional.<ApiCaller>empty() : keys.authenticate(presented))
        .orElseThrow(() -> new ApiKeyRejectedException(presented == null));
    rateLimiter.acquire(caller.keyId());
    return caller;
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
}
