package dev.vigil.server.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One destination's breaker. After {@code failureThreshold} consecutive failures it opens: messages to the
 * destination are postponed, not attempted, so a dead Slack does not burn every message's attempts and the
 * dispatcher's time. After {@code openFor} one trial send goes through (half-open); its success closes the
 * breaker, its failure opens it again.
 *
 * <p>State is per process (each instance learns on its own); methods are synchronized, calls are rare.
 */
final class CircuitBreaker {
  private final int failureThreshold;
  private final Duration openFor;
  private int consecutiveFailures;
  private Instant openUntil = Instant.MIN;
  private boolean trialInFlight;

  CircuitBreaker(int failureThreshold, Duration openFor) {
    this.failureThreshold = failureThreshold;
    this.openFor = openFor;
  }

  /** Empty when a send may go now; else when to try again. */
  synchronized Optional<Instant> refusalUntil(Instant now) {
    if (consecutiveFailures < failureThreshold) {
      return Optional.empty();
    }
    if (now.isBefore(openUntil) || trialInFlight) {
      return Optional.of(now.isBefore(openUntil) ? openUntil : now.plus(openFor));
    }
    trialInFlight = true;
    return Optional.empty();
  }

  synchronized void succeeded() {
    consecutiveFailures = 0;
    trialInFlight = false;
  }

  synchronized void failed(Instant now) {
    consecutiveFailures++;
    trialInFlight = false;
    if (consecutiveFailures >= failureThreshold) {
      openUntil = now.plus(openFor);
    }
  }

  synchronized boolean open(Instant now) {
    return consecutiveFailures >= failureThreshold && now.isBefore(openUntil);
  }
}
