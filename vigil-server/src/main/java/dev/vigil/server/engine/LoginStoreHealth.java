package dev.vigil.server.engine;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code loginStore} in {@code /actuator/health}: DOWN while assessed logins wait in memory for the database (an
 * outage the writer noticed), UP again once they are all stored. Complements Spring's {@code db} check, which
 * sees the database only when health is asked for.
 */
@Component("loginStoreHealthIndicator")
final class LoginStoreHealth implements HealthIndicator {
  private final LoginPipeline pipeline;

  LoginStoreHealth(LoginPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public Health health() {
    int held = pipeline.heldLogins();
    return held > 0 ? Health.down().withDetail("heldLogins", held).build() : Health.up().build();
  }
}
