package dev.vigil.server.dashboard;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The dashboard's static pages as the login service's security chain sees them: which paths anyone may load (the
 * pages hold no data; every datum comes from an API that checks the access token and role) and the headers those
 * pages are served with.
 *
 * <p>The content security policy allows scripts, styles and connections from the server itself only, no inline
 * script or style (so an injected {@code <script>} or {@code style} attribute does nothing), no framing
 * (click-jacking) and no {@code <base>} rewriting; images may be {@code data:} URIs. It is set on the pages only:
 * the JSON APIs do not need it, and Swagger UI, on the same chain, relies on inline scripts.
 */
public final class DashboardPages {
  /** The policy of every dashboard page and asset. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

  private static final List<String> PATHS = List.of(
      "/login.html", "/assets/**",
      "/admin", "/admin/", "/admin/index.html", "/admin/assets/**",
      "/account", "/account/", "/account/index.html", "/account/assets/**");

  private DashboardPages() {}

  /** The pages and assets anyone may GET: they carry no data, and the APIs they call check the caller. */
  public static RequestMatcher publicPages() {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(PATHS.stream()
        .map(path -> (RequestMatcher) paths.matcher(HttpMethod.GET, path))
        .toList());
  }

  /**
   * Writes the content security policy and {@code Referrer-Policy: no-referrer} on the dashboard's pages (the
   * chain's defaults add {@code X-Content-Type-Options: nosniff} and {@code X-Frame-Options: DENY} everywhere).
   */
  public static HeaderWriter headers() {
    return new DelegatingRequestMatcherHeaderWriter(publicPages(), new StaticHeadersWriter(List.of(
        new Header("Content-Security-Policy", CONTENT_SECURITY_POLICY),
        new Header("Referrer-Policy", "no-referrer"))));
  }
}
