package dev.vigil.server.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What {@code POST /api/v1/assess} answers when the login cannot be stored (the database is down or too slow).
 *
 * @param onStoreFailure {@code fail-closed} (default): 503 {@code store-unavailable} with {@code Retry-After},
 *     nothing acknowledged; {@code fail-open}: 200 with the engine's assessment (ALLOW when it could not even be
 *     assessed) plus {@code "degraded":true,"stored":false}
 * @param degradeAfter under {@code fail-open}, how long a request waits for its commit before it is answered
 *     degraded
 */
@Validated
@ConfigurationProperties("vigil.assess")
public record AssessSettings(
    @DefaultValue("fail-closed") OnStoreFailure onStoreFailure,
    @DefaultValue("PT2S") Duration degradeAfter) {

  /** The two behaviours of {@code vigil.assess.on-store-failure}. */
  public enum OnStoreFailure {
    FAIL_CLOSED,
    FAIL_OPEN
  }

  boolean failOpen() {
    return onStoreFailure == OnStoreFailure.FAIL_OPEN;
  }
}
