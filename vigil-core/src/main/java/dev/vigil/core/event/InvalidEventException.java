package dev.vigil.core.event;

import static java.util.Objects.requireNonNull;

/**
 * A login event broke the contract. {@link #field()} names the offending JSON field (dotted for nested fields,
 * {@code "$"} for the document itself) so that callers can report it field by field.
 */
public final class InvalidEventException extends VigilException {
  private final String field;

  public InvalidEventException(String field, String message) {
    super(field + ": " + message);
    this.field = requireNonNull(field);
  }

  public InvalidEventException(String field, String message, Throwable cause) {
    super(field + ": " + message, cause);
    this.field = requireNonNull(field);
  }

  /** The JSON field that broke the contract; {@code "$"} when the document as a whole is unreadable. */
  public String field() {
    return field;
  }
}
