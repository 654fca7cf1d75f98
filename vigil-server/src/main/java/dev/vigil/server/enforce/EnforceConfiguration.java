package dev.vigil.server.enforce;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Picks the enforcement adapter ({@code vigil.enforce.adapter}); the built-in one acts through the login
 * service's {@link AccountControl}, the webhook and Keycloak ones over HTTP.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EnforceConfiguration {
  @Bean
  Enforcer enforcer(EnforceSettings settings, AccountControl accounts, Clock clock) {
    return switch (settings.adapter()) {
      case BUILTIN -> new BuiltInEnforcer(accounts);
      case WEBHOOK -> {
        EnforceSettings.Webhook webhook = settings.webhook();
        if (webhook.url() == null || webhook.secret() == null) {
          throw new IllegalStateException(
              "vigil.enforce.adapter=webhook needs vigil.enforce.webhook.url and vigil.enforce.webhook.secret");
        }
        yield new WebhookEnforcer(webhook.url(), webhook.secret().getBytes(StandardCharsets.UTF_8),
            webhook.timeout(), clock);
      }
      case KEYCLOAK -> KeycloakEnforcer.of(settings.keycloak(), clock);
    };
  }

  @Bean(destroyMethod = "shutdown")
  ExecutorService enforcementExecutor(EnforceSettings settings) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(settings.threads(), runnable -> {
      Thread thread = new Thread(runnable, "vigil-enforce-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
