package dev.vigil.server.engine;

import dev.vigil.core.event.VigilException;
import java.time.Duration;

/**
 * A login could not be stored (the database failed or did not commit in time), so it was not acknowledged; the
 * caller should send it again after {@link #retryAfter()}. Sending it again is safe: the engine remembers the
 * assessment by eventId and does not learn the login twice.
 */
public final class StoreUnavailableException extends VigilException {
  private final Duration retryAfter;

  StoreUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  StoreUnavailableException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
