package dev.vigil.server.api;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.enrich.UserAgentParser;
import dev.vigil.core.event.LoginEventReader;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine and the parsers around it, on built-in defaults for this first slice. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {
  @Bean
  VigilEngine vigilEngine() {
    return VigilEngine.builder().build();
  }

  @Bean
  LoginEventReader loginEventReader(ApiSettings settings, Clock clock) {
    return LoginEventReader.withDefaultTenant(settings.defaultTenant(), clock);
  }

  @Bean
  UserAgentParser userAgentParser() {
    return new UserAgentParser(10_000);
  }
}
