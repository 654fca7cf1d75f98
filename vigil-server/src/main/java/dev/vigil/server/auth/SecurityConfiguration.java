package dev.vigil.server.auth;

import dev.vigil.server.dashboard.DashboardPages;
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
 * ADMIN (but {@code GET /admin/stats}, the console's counters, ANALYST or ADMIN), {@code /internal/**} ANALYST or
 * ADMIN. The dashboard's static pages ({@link DashboardPages}) load without a token and carry its headers.
 *
 * <p>Stateless: no HTTP session, no cookies, hence no CSRF token — the access token travels in the
 * {@code Authorization} header and the refresh token in a JSON body, which a cross-site form cannot send.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  /** Public: health, the login service's unauthenticated steps, error rendering, API docs. */
  private static final String[] PUBLIC = {
      "/actuator/health", "/actuator/health/**", "/auth/register", "/auth/login", "/auth/login/mfa",
      "/auth/refresh", "/error", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};
  /**
   * The "was this you?" links of notification mails: opened from a mail client without a session, so they are
   * authenticated by their own signed, expiring, single-use token ({@code notify.LoginCheckLinks}) instead.
   */
  private static final String[] LOGIN_CHECK_LINKS = {"/notify/confirm/*", "/notify/report/*"};
  /**
   * The dashboard's overview counters: read by analysts as well as administrators (the console at {@code /admin}
   * is for both); every other {@code /admin/**} route stays ADMIN only.
   */
  private static final String ADMIN_STATS = "/admin/stats";

  @Bean
  @Order(10)
  SecurityFilterChain loginServiceChain(HttpSecurity http, AccessTokens tokens, SessionStore sessions, Clock clock,
      JsonMapper json) throws Exception {
    ProblemResponses problems = new ProblemResponses(json);
    http.securityMatcher(new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(PUBLIC).permitAll()
            .requestMatchers(DashboardPages.publicPages()).permitAll()
            .requestMatchers(HttpMethod.GET, LOGIN_CHECK_LINKS).permitAll()
            .requestMatchers(HttpMethod.GET, ADMIN_STATS).hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
            .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
            .requestMatchers("/internal/**").hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
            .anyRequest().authenticated())
        .addFilterBefore(new AccessTokenFilter(tokens, sessions, clock), AnonymousAuthenticationFilter.class)
        .headers(headers -> headers.addHeaderWriter(DashboardPages.headers()))
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
