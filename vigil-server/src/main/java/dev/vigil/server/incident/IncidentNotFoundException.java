package dev.vigil.server.incident;

import dev.vigil.core.event.VigilException;

/**
 * No incident (or tuning step) with that id in the caller's tenant — including one that exists in another tenant:
 * the answer must not tell the two apart. Answered with 404.
 */
public final class IncidentNotFoundException extends VigilException {
  public IncidentNotFoundException(String what) {
    super(what + " not found");
  }
}
