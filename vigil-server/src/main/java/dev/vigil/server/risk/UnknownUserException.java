package dev.vigil.server.risk;

import dev.vigil.core.event.VigilException;

/** The caller's tenant has no user with that id (no profile and no stored login): 404. */
public final class UnknownUserException extends VigilException {
  UnknownUserException() {
    super("unknown user");
  }
}
