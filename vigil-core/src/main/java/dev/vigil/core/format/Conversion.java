package dev.vigil.core.format;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.LoginEvent;

/** What one vendor record became: a login event, or nothing because it is not a login attempt. */
public sealed interface Conversion {
  /** The record is a login attempt. */
  record Converted(LoginEvent event) implements Conversion {
    public Converted {
      requireNonNull(event, "event");
    }
  }

  /**
   * The record is well-formed but not a login attempt (a logout, a token exchange, an admin event, another
   * daemon's line); {@code kind} says which, e.g. {@code "auth0 type sapi"}, for counting.
   */
  record Skipped(String kind) implements Conversion {
    public Skipped {
      requireNonNull(kind, "kind");
    }
  }
}
