package dev.vigil.server.enforce;

import dev.vigil.core.event.VigilException;

/**
 * An adapter could not carry out or undo an action. The message is stored with the action and shown to analysts,
 * so it names the adapter and the reason (a status code, a timeout), never a secret or a raw address.
 */
public final class EnforcementFailedException extends VigilException {
  public EnforcementFailedException(String message) {
    super(message);
  }

  public EnforcementFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
