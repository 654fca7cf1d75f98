package dev.vigil.core.signal;

/**
 * One rule. A detector reads the login and the state in its {@link DetectionContext} and adds what it finds
 * to {@code found}; it never changes state (the engine learns after every detector has looked), so detectors
 * are independent and their order does not matter.
 *
 * <p>A detector that throws is caught, counted and skipped by the engine: a broken rule must never fail a
 * login assessment.
 */
@FunctionalInterface
public interface Detector {
  void inspect(DetectionContext context, Signals found);
}
