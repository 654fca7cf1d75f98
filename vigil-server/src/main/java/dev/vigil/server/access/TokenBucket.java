package dev.vigil.server.access;

import java.time.Duration;

/**
 * One key's request budget: holds up to {@code capacity} tokens, refilled continuously at {@code tokensPerNano};
 * a request takes one. Time is passed in (nanoseconds on any monotonic scale), so tests drive it directly.
 * Thread-safe: the few instructions per request run under the bucket's own monitor.
 */
final class TokenBucket {
  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long lastNanos;

  TokenBucket(long capacity, long requests, Duration period, long nowNanos) {
    this.capacity = capacity;
    this.tokensPerNano = (double) requests / period.toNanos();
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /** Takes a token; when none is left, answers how long until one is (whole seconds, at least one). */
  synchronized Duration tryTake(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - lastNanos);
    tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
    lastNanos = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return Duration.ZERO;
    }
    double waitNanos = (1 - tokens) / tokensPerNano;
    return Duration.ofSeconds(Math.max(1, (long) Math.ceil(waitNanos / 1e9)));
  }
}
