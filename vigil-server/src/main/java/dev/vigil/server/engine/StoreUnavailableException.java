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
  private final boolean held;

  StoreUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
    this.held = false;
  }

  StoreUnavailableException(String message, Duration retryAfter) {
    this(message, retryAfter, false);
  }

  private StoreUnavailableException(String message, Duration retryAfter, boolean held) {
    super(message);
    this.retryAfter = retryAfter;
    this.held = held;
  }

  /** The database cannot be reached; the login is held in memory and stored when it answers again. */
  static StoreUnavailableException held(Duration retryAfter) {
    return new StoreUnavailableException("the database cannot be reached; the login is kept in memory and stored "
        + "when it is back, unless the server stops first", retryAfter, true);
  }

  /**
   * Whether the login is held in memory by the writer and will be stored once the database answers again (a
   * process that dies first loses it).
   */
  public boolean held() {
    return held;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
