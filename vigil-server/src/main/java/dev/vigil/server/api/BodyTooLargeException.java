package dev.vigil.server.api;

import dev.vigil.core.event.VigilException;

/** A request body exceeded {@code vigil.api.max-body-bytes}; answered with 413. */
final class BodyTooLargeException extends VigilException {
  private final int limitBytes;

  BodyTooLargeException(int limitBytes) {
    super("request body exceeds " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  int limitBytes() {
    return limitBytes;
  }
}
