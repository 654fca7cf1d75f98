package dev.vigil.server.access;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The security chain of the engine API, and only of it: {@code /api/**} is service-to-service, stateless, keyed
 * per tenant, with no sessions, cookies or CSRF tokens. Other paths (the login service, the dashboard, health,
 * API docs) belong to other chains.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {
  @Bean
  @Order(1)
  SecurityFilterChain apiKeyChain(HttpSecurity http, ApiAuthenticator authenticator,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
    return http
        .securityMatcher("/api/**")
        .csrf(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .anonymous(AbstractHttpConfigurer::disable)
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new ApiKeyFilter(authenticator, problems), AnonymousAuthenticationFilter.class)
        .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
            problems.resolveException(request, response, null, new ApiKeyRejectedException(true))))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .build();
  }
}
