package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

/**
 * One input line that could not be assessed.
 *
 * @param lineNumber 1-based line number in the (decompressed) input
 * @param field the JSON field that broke the contract, {@code "$"} for the line as a whole
 * @param message what was wrong, naming the field, e.g. {@code userId: is required and must not be blank}
 */
public record ReplayProblem(long lineNumber, String field, String message) {
  public ReplayProblem {
    if (lineNumber < 1) {
      throw new IllegalArgumentException("lineNumber must be at least 1: " + lineNumber);
    }
    requireNonNull(field, "field");
    requireNonNull(message, "message");
  }
}
