package dev.vigil.server.caller;

import dev.vigil.core.event.VigilException;

/** An internal or admin request breaks a rule the controller cannot express in types; answered with 400. */
public final class InvalidRequestException extends VigilException {
  public InvalidRequestException(String message) {
    super(message);
  }
}
