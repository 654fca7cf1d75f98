package dev.vigil.server.auth;

import dev.vigil.core.event.VigilException;
import java.time.Duration;

/** Too many failed logins for this account from this network: answered 429 with {@code Retry-After}. */
public final class LoginThrottledException extends VigilException {
  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super("too many failed logins; retry after " + retryAfter.toSeconds() + " s");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, rounded up, at least 1. */
  public long retryAfterSeconds() {
    long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
