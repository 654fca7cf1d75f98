package dev.vigil.server.access;

import dev.vigil.core.event.VigilException;
import java.time.Duration;

/** An API key spent its request budget ({@code vigil.access.rate-limit}): 429 with {@code Retry-After}. */
public final class RateLimitedException extends VigilException {
  private final Duration retryAfter;

  RateLimitedException(Duration retryAfter) {
    super("rate limit exceeded");
    this.retryAfter = retryAfter;
  }

  /** How long until the key may send one more request; whole seconds, at least one. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
