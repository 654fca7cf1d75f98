package dev.vigil.server.incident;

/**
 * An incident's life: {@code OPEN → ACKNOWLEDGED → CONFIRMED | FALSE_POSITIVE}; a confirmed incident is
 * {@code CLOSED}, a false positive is {@code ROLLED_BACK}. A verdict may also be given straight from OPEN.
 */
public enum IncidentStatus {
  /** New; actions may be running. Later logins of the same subject attach to it. */
  OPEN,
  /** An analyst is on it; logins still attach to it. */
  ACKNOWLEDGED,
  /** An analyst confirmed the attack; the actions stand. */
  CONFIRMED,
  /** An analyst found it harmless; it must be rolled back. */
  FALSE_POSITIVE,
  /** Everything it did was undone. Final. */
  ROLLED_BACK,
  /** Done with. Final. */
  CLOSED;

  /** Whether this status may change to {@code next}; anything else is a conflict (409). */
  boolean canBecome(IncidentStatus next) {
    return switch (this) {
      case OPEN -> next == ACKNOWLEDGED || next == CONFIRMED || next == FALSE_POSITIVE;
      case ACKNOWLEDGED -> next == CONFIRMED || next == FALSE_POSITIVE;
      case CONFIRMED -> next == CLOSED;
      case FALSE_POSITIVE -> next == ROLLED_BACK;
      case ROLLED_BACK, CLOSED -> false;
    };
  }
}
