package dev.vigil.server.auth;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The login service's parts that are built from settings rather than found by scanning. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {
  private static final String ARGON2 = "argon2";

  /**
   * Argon2id hashes stored as {@code {argon2}…}: the prefix lets a later algorithm or cost be introduced without
   * a migration (old hashes still verify through their own id).
   */
  @Bean
  PasswordEncoder passwordEncoder(AuthSettings settings) {
    AuthSettings.PasswordHashing cost = settings.password();
    Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, cost.memoryKib(), cost.iterations());
    return new DelegatingPasswordEncoder(ARGON2, Map.of(ARGON2, argon2));
  }

  @Bean
  AccessTokens accessTokens(AuthSettings settings, Clock clock) throws IOException {
    return new AccessTokens(SigningKeyFile.load(settings), settings.issuer(), settings.accessTokenTtl(), clock);
  }

  @Bean
  ClientInfoResolver clientInfoResolver(AuthSettings settings) {
    return new ClientInfoResolver(settings.trustForwardedHeaders());
  }
}
