package dev.vigil.core.policy;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.event.Outcome;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The engine's verdict on one login (DESIGN.md §3): a 0–100 score, its level, the decision, the signals that
 * explain it and the actions the policy asks for.
 *
 * @param eventId the assessed event
 * @param tenantId its tenant
 * @param userId its user (identity: not printed by {@link #toString()})
 * @param timestamp the event's time
 * @param outcome the event's outcome
 * @param score 0 (no risk) to 100
 * @param level the score's coarse reading
 * @param decision what the caller should do
 * @param signals why, strongest first
 * @param actions what the policy asks the responders to do
 * @param mode whether the tenant enforces decisions or only records them
 * @param incidentId the incident this login was attached to, when the server opened one
 * @param modelVersion the engine and settings version that produced the verdict
 * @param latencyMicros time spent assessing, in microseconds (the only non-deterministic field)
 */
public record Assessment(
    String eventId,
    String tenantId,
    String userId,
    Instant timestamp,
    Outcome outcome,
    int score,
    RiskLevel level,
    Decision decision,
    List<Signal> signals,
    Set<Action> actions,
    PolicyMode mode,
    @Nullable String incidentId,
    String modelVersion,
    long latencyMicros) {

  public Assessment {
    requireNonNull(eventId, "eventId");
    requireNonNull(tenantId, "tenantId");
    requireNonNull(userId, "userId");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(outcome, "outcome");
    requireNonNull(level, "level");
    requireNonNull(decision, "decision");
    requireNonNull(mode, "mode");
    requireNonNull(modelVersion, "modelVersion");
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be between 0 and 100: " + score);
    }
    if (level != RiskLevel.of(score)) {
      throw new IllegalArgumentException("level of score " + score + " is " + RiskLevel.of(score) + ", not " + level);
    }
    signals = List.copyOf(signals);
    actions = Set.copyOf(actions);
  }

  /** Whether a signal of this type is among the reasons. */
  public boolean has(SignalType type) {
    for (Signal signal : signals) {
      if (signal.type() == type) {
        return true;
      }
    }
    return false;
  }

  /** The signal types, in order. */
  public List<SignalType> signalTypes() {
    return signals.stream().map(Signal::type).toList();
  }

  /** Whether the login was challenged or denied. */
  public boolean flagged() {
    return decision != Decision.ALLOW;
  }

  @Override
  public String toString() {
    return "Assessment[eventId=" + eventId + ", tenantId=" + tenantId + ", score=" + score + ", decision="
        + decision + ", signals=" + signalTypes() + "]";
  }
}
