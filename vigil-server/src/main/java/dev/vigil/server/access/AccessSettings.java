package dev.vigil.server.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access to the engine API.
 *
 * @param demoTenant whether a start on a database without tenants creates tenant {@code demo} and a key for it
 * @param demoKeyFile where that key is written (owner-only); only its path and id are logged
 * @param bootstrapKeys keys to provision at start, each {@code tenant:vgl_<id>_<secret>}; the tenant is created if
 *     needed and the key stored (hashed) unless its id exists. For operators who keep keys in a secret store
 * @param keyCacheTtl how long a looked-up key is trusted without asking the database again; a revoked key keeps
 *     working for at most this long
 * @param rateLimit the per-key request budget
 */
@Validated
@ConfigurationProperties("vigil.access")
public record AccessSettings(
    @DefaultValue("true") boolean demoTenant,
    @DefaultValue("./data/demo-api-key") Path demoKeyFile,
    @DefaultValue List<String> bootstrapKeys,
    @DefaultValue("PT10S") Duration keyCacheTtl,
    @DefaultValue @Valid RateLimit rateLimit) {

  public AccessSettings {
    bootstrapKeys = List.copyOf(bootstrapKeys);
  }

  /** Keys are secrets: settings never print them. */
  @Override
  public String toString() {
    return "AccessSettings[demoTenant=" + demoTenant + ", demoKeyFile=" + demoKeyFile + ", bootstrapKeys="
        + bootstrapKeys.size() + " redacted, keyCacheTtl=" + keyCacheTtl + ", rateLimit=" + rateLimit + "]";
  }

  /**
   * A token bucket per API key: {@code burst} requests at once, refilled at {@code requests} per {@code period}.
   *
   * @param enabled whether requests over the budget get 429
   * @param requests how many requests a key may make per {@code period} in the long run
   * @param period the refill period
   * @param burst the bucket's size: how many requests may arrive at once
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("10000") @Positive long requests,
      @DefaultValue("PT1S") Duration period,
      @DefaultValue("20000") @Positive long burst) {

    public RateLimit {
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("vigil.access.rate-limit.period must be positive: " + period);
      }
    }
  }
}
