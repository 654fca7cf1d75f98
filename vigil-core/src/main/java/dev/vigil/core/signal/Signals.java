package dev.vigil.core.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * The signals raised for one login, in the order raised. Drops signals of types the tenant disabled, so
 * detectors need not check.
 */
public final class Signals {
  private final DetectionSettings settings;
  private final List<Signal> raised = new ArrayList<>(6);

  public Signals(DetectionSettings settings) {
    this.settings = settings;
  }

  /** Raises a signal (ignored when its type is disabled for the tenant). */
  public void raise(SignalType type, Severity severity, String detail) {
    if (settings.enabled(type)) {
      raised.add(Signal.of(type, severity, detail));
    }
  }

  public boolean has(SignalType type) {
    for (Signal signal : raised) {
      if (signal.type() == type) {
        return true;
      }
    }
    return false;
  }

  /** The signals raised so far. */
  public List<Signal> list() {
    return raised;
  }
}
