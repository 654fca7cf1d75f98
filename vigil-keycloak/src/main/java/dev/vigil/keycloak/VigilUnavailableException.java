package dev.vigil.keycloak;

/** Vigil could not be reached in time or gave no usable answer; the caller fails open or closed. */
final class VigilUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  VigilUnavailableException(String message) {
    super(message);
  }

  VigilUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
