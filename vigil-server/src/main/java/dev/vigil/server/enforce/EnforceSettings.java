package dev.vigil.server.enforce;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How actions are carried out.
 *
 * @param adapter which {@link Enforcer} carries out account actions
 * @param webhook the webhook adapter's endpoint (required when {@code adapter = webhook})
 * @param maxAttempts attempts per action (and per undo) before it stays FAILED / UNDO_FAILED for an analyst
 * @param retryInterval how often failed actions and partial rollbacks are retried
 * @param threads threads that carry out actions after the detecting transaction commits
 */
@Validated
@ConfigurationProperties("vigil.enforce")
public record EnforceSettings(
    @DefaultValue("builtin") Adapter adapter,
    @DefaultValue Webhook webhook,
    @DefaultValue("5") @Min(1) @Max(100) int maxAttempts,
    @DefaultValue("PT5S") Duration retryInterval,
    @DefaultValue("2") @Min(1) @Max(64) int threads) {

  /** The enforcement adapters. Keycloak's joins in the integrations issue. */
  public enum Adapter {
    /** Vigil's own sessions and accounts ({@link AccountControl}). */
    BUILTIN,
    /** A signed webhook to the customer's system. */
    WEBHOOK
  }

  /**
   * @param url where actions are POSTed
   * @param secret the shared HMAC secret (at least 16 bytes); keep it out of logs and version control
   * @param timeout connect and response timeout per call
   */
  public record Webhook(@Nullable URI url, @Nullable String secret, @DefaultValue("PT2S") Duration timeout) {
    @Override
    public String toString() {
      return "Webhook[url=" + url + ", secret=redacted, timeout=" + timeout + "]";
    }
  }
}
