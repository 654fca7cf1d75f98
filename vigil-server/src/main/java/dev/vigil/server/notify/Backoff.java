package dev.vigil.server.notify;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with "equal jitter": after the n-th failure wait between half and all of
 * {@code initial · 2ⁿ⁻¹} (capped at {@code max}), so that messages failing together do not retry together.
 */
record Backoff(Duration initial, Duration max, RandomGenerator random) {
  Duration after(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 30);
    long ceilingMillis = Math.min(max.toMillis(), initial.toMillis() << doublings);
    if (ceilingMillis <= 1) {
      return Duration.ofMillis(ceilingMillis);
    }
    long half = ceilingMillis / 2;
    return Duration.ofMillis(half + random.nextLong(ceilingMillis - half + 1));
  }
}
