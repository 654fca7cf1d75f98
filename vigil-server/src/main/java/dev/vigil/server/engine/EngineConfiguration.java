package dev.vigil.server.engine;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.enrich.Enricher;
import dev.vigil.core.enrich.GeoLookup;
import dev.vigil.core.enrich.NetworkClassifier;
import dev.vigil.core.enrich.UserAgentParser;
import dev.vigil.core.event.LoginEventReader;
import dev.vigil.server.api.ApiSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine and the parsers around it, on built-in defaults for this first slice. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {
  /** The engine's enricher shares the user-agent parser (and its cache) that stores the display form. */
  @Bean
  VigilEngine vigilEngine(UserAgentParser userAgentParser) {
    return VigilEngine.builder()
        .enricher(new Enricher(GeoLookup.NONE, NetworkClassifier.builtIn(), userAgentParser))
        .build();
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
