package dev.vigil.server.access;

import dev.vigil.core.event.VigilException;

/** A request to the engine API came without a key, or with one that is malformed, unknown or revoked: 401. */
public final class ApiKeyRejectedException extends VigilException {
  private final boolean missing;

  ApiKeyRejectedException(boolean missing) {
    super(missing ? "no API key" : "invalid API key");
    this.missing = missing;
  }

  /** Whether no key was sent at all (rather than a wrong one). */
  public boolean missing() {
    return missing;
  }
}
