package dev.vigil.server.auth;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security chain of everything except {@code /api/**} (the engine API has its own API-key chain, ordered
 * before this one). Deny by default: a route not listed here needs a valid access token; {@code /admin/**} needs
 * ADMIN, {@code /internal/**} ANALYST or ADMIN.
 *
 * <p>Stateless: no HTTP session, no cookies, hence no CSRF token — the access token travels in the
 * {@code Authorization} header and the refresh token in a JSON body, which a cross-site form cannot send.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  /** Public: health, the login service's unauthenticated steps, error rendering, API docs, dashboard assets. */
  private static final String[] PUBLIC = {
      "/actuator/health", "/actuator/health/**", "/auth/register", "/auth/login", "/auth/login/mfa",
      "/auth/refresh", "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};
  /**
   * The "was this you?" links of notification mails: opened from a mail client without a session, so they are
   * authenticated by their own signed, expiring, single-use token ({@code notify.LoginCheckLinks}) instead.
   */
  private static final String[] LOGIN_CHECK_LINKS = {"/notify/confirm/*", "/notify/report/*"};
  /** The admin dashboard's static page and assets; its data comes from ADMIN-only endpoints. */
  private static final String[] DASHBOARD_ASSETS = {"/admin", "/admin/", "/admin/index.html", "/admin/assets/**"};

  @Bean
  @Order(10)
  SecurityFilterChain loginServiceChain(HttpSecurity http, AccessTokens tokens, SessionStore sessions, Clock clock,
      JsonMapper json) throws Exception {
    ProblemResponses problems = new ProblemResponses(json);
    http.securityMatcher(new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(PUBLIC).permitAll()
            .requestMatchers(HttpMethod.GET, DASHBOARD_ASSETS).permitAll()
            .requestMatchers(HttpMethod.GET, LOGIN_CHECK_LINKS).permitAll()
            .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
            .requestMatchers("/internal/**").hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
            .anyRequest().authenticated())
        .addFilterBefore(new AccessTokenFilter(tokens, sessions, clock), AnonymousAuthenticationFilter.class)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }
}
