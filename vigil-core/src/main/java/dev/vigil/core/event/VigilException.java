package dev.vigil.core.event;

/**
 * Root of every exception Vigil throws on purpose. Each subtype names one kind of failure so that the edges
 * (CLI, HTTP) can map it to a precise message without parsing text.
 */
public abstract class VigilException extends RuntimeException {
  protected VigilException(String message) {
    super(message);
  }

  protected VigilException(String message, Throwable cause) {
    super(message, cause);
  }
}
