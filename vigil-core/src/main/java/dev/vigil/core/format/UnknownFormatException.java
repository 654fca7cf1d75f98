package dev.vigil.core.format;

import dev.vigil.core.event.VigilException;

/** A format name that Vigil has no adapter for; the message lists the ones it has. */
public final class UnknownFormatException extends VigilException {
  private final String name;

  UnknownFormatException(String name, String message) {
    super(message);
    this.name = name;
  }

  /** The name that was asked for, cut to 64 characters. */
  public String name() {
    return name;
  }
}
