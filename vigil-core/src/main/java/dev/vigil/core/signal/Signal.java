package dev.vigil.core.signal;

import static java.util.Objects.requireNonNull;

/**
 * One explained reason why a login looks risky.
 *
 * @param type what was found
 * @param severity how much it means on its own
 * @param weight the signal's contribution to the score, 0 to 1 (filled in by the scorer)
 * @param detail a human-readable explanation, e.g. {@code first login from BR; usual DE}. Holds no raw IP or
 *     user agent: it is shown to analysts and users and may be logged.
 */
public record Signal(SignalType type, Severity severity, double weight, String detail) {
  public Signal {
    requireNonNull(type, "type");
    requireNonNull(severity, "severity");
    requireNonNull(detail, "detail");
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("weight must be between 0 and 1: " + weight);
    }
  }

  /** A signal as a detector raises it, before the scorer has weighed it. */
  public static Signal of(SignalType type, Severity severity, String detail) {
    return new Signal(type, severity, 0, detail);
  }

  public Signal withWeight(double newWeight) {
    return new Signal(type, severity, newWeight, detail);
  }
}
