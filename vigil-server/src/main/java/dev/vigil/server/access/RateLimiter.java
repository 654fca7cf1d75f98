package dev.vigil.server.access;

import dev.vigil.server.access.AccessSettings.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-key token buckets ({@code vigil.access.rate-limit}), in this process's memory: with several instances each
 * allows the full budget. Buckets exist only for keys that authenticated, so their number is bounded by the
 * number of valid keys.
 */
@Component
final class RateLimiter {
  private final RateLimit settings;
  private final Clock clock;
  private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(AccessSettings settings, Clock clock) {
    this.settings = settings.rateLimit();
    this.clock = clock;
  }

  /**
   * Spends one request of the key's budget.
   *
   * @throws RateLimitedException when the budget is spent, saying when to retry
   */
  void acquire(String keyId) {
    if (!settings.enabled()) {
      return;
    }
    long now = nanos(clock.instant());
    Duration wait = buckets
        .computeIfAbsent(keyId, id -> new TokenBucket(settings.burst(), settings.requests(), settings.period(), now))
        .tryTake(now);
    if (!wait.isZero()) {
      throw new RateLimitedException(wait);
    }
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
