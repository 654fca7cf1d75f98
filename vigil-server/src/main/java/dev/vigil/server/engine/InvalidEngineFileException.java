package dev.vigil.server.engine;

import dev.vigil.core.event.VigilException;

/** A file named under {@code vigil.engine.*} is missing or broken; the message names the setting and the file. */
final class InvalidEngineFileException extends VigilException {
  InvalidEngineFileException(String message) {
    super(message);
  }

  InvalidEngineFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
