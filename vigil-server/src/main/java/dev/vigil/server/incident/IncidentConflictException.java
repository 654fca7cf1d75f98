package dev.vigil.server.incident;

import dev.vigil.core.event.VigilException;

/**
 * The change does not fit the incident's (or tuning step's) current state — typically a second analyst acting on
 * an incident the first one just changed. Answered with 409; the message says which state it is in.
 */
public final class IncidentConflictException extends VigilException {
  IncidentConflictException(String message) {
    super(message);
  }
}
