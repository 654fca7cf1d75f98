package dev.vigil.core;

import dev.vigil.core.event.VigilException;

/** A settings file or value broke a rule; the message names the setting. */
public final class InvalidSettingsException extends VigilException {
  public InvalidSettingsException(String message) {
    super(message);
  }

  public InvalidSettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
