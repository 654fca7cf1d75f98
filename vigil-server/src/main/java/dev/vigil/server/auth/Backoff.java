package dev.vigil.server.auth;

import java.time.Duration;

/**
 * The throttle's arithmetic, apart from its storage so it can be read and tested on its own (unlike Keycloak's
 * brute-force protector, where it is woven into persistence): no wait below the threshold, then
 * {@code initial}, doubling with every further failure, capped at {@code max}.
 */
record Backoff(int threshold, Duration initial, Duration max) {
  Backoff {
    if (threshold < 1 || initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs threshold >= 1 and 0 <= initial <= max");
    }
  }

  /** How long to refuse further attempts after the {@code failures}-th failure in the window. */
  Duration delayAfter(int failures) {
    if (failures < threshold) {
      return Duration.ZERO;
    }
    int doublings = failures - threshold;
    if (doublings >= 62 || initial.toMillis() > (max.toMillis() >> Math.min(doublings, 62))) {
      return max;
    }
    Duration delay = initial.multipliedBy(1L << doublings);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
