package dev.vigil.server.api;

import dev.vigil.core.event.VigilException;

/**
 * A confirmation named a login the engine is not waiting to hear about: unknown, another tenant's, allowed,
 * confirmed already, or older than the engine remembers. One answer (404) for all of them, so that a key cannot
 * learn whether another tenant's event exists.
 */
final class ChallengeNotPendingException extends VigilException {
  ChallengeNotPendingException() {
    super("no challenged login of your tenant with this eventId is waiting for confirmation");
  }
}
