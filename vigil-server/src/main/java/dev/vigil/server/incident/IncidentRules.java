package dev.vigil.server.incident;

import dev.vigil.core.event.Outcome;
import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.PolicyMode;
import dev.vigil.core.signal.SignalType;
import dev.vigil.server.enforce.ActionStatus;
import dev.vigil.server.flags.TenantFlags;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which assessments become incidents, about whom, and which actions they take — pure functions of the assessment
 * and the tenant's flags and thresholds, so replay and live detection decide alike.
 *
 * <p>An assessment opens (or joins) an incident when, ignoring signals of detectors the tenant switched off, it
 * carries a campaign signal (brute force, spraying, stuffing), or its score reaches the incident threshold of at
 * least one of its signals — each signal type's threshold starts at the tenant's {@code incidentAt} and is raised
 * by false-positive verdicts ({@link ThresholdTuner}). Spraying and stuffing are about the source network; every
 * other incident is about the user.
 */
final class IncidentRules {
  static final Set<SignalType> CAMPAIGNS =
      EnumSet.of(SignalType.BRUTE_FORCE, SignalType.PASSWORD_SPRAY, SignalType.CREDENTIAL_STUFFING);
  private static final Set<SignalType> NETWORK_CAMPAIGNS =
      EnumSet.of(SignalType.PASSWORD_SPRAY, SignalType.CREDENTIAL_STUFFING);

  private IncidentRules() {}

  /**
   * Why an assessment opens an incident.
   *
   * @param signals the signals that count (enabled detectors only)
   * @param aboutNetwork whether the subject is the source network rather than the user
   * @param reason for the timeline, e.g. {@code score 92 ≥ 80 (impossible_travel)}
   */
  record Trigger(List<SignalType> signals, boolean aboutNetwork, String reason) {}

  static Optional<Trigger> trigger(Assessment assessment, TenantFlags flags, int baseThreshold,
      Map<SignalType, Integer> tuned) {
    List<SignalType> counted = assessment.signalTypes().stream().filter(flags::detectorEnabled).toList();
    if (counted.isEmpty()) {
      return Optional.empty();
    }
    boolean aboutNetwork = counted.stream().anyMatch(NETWORK_CAMPAIGNS::contains);
    Optional<SignalType> campaign = counted.stream().filter(CAMPAIGNS::contains).findFirst();
    if (campaign.isPresent()) {
      return Optional.of(new Trigger(counted, aboutNetwork, "campaign: " + campaign.get().label()));
    }
    SignalType easiest = counted.getFirst();
    int lowest = Integer.MAX_VALUE;
    for (SignalType type : counted) {
      int threshold = tuned.getOrDefault(type, baseThreshold);
      if (threshold < lowest) {
        lowest = threshold;
        easiest = type;
      }
    }
    if (assessment.score() < lowest) {
      return Optional.empty();
    }
    return Optional.of(new Trigger(counted, false,
        "score " + assessment.score() + " ≥ " + lowest + " (" + easiest.label() + ")"));
  }

  /**
   * The actions an assessment asks of its incident, each with the status it starts in: what the engine's policy
   * asks for, plus the tenant's playbook for successful logins at {@code playbookAt}; NOT_ALLOWED when the flags
   * forbid the type, RECORDED in monitor mode (the flags' mode, else the assessment's; always for replays).
   */
  static Map<Action, ActionStatus> actions(Assessment assessment, TenantFlags flags, boolean replay) {
    EnumSet<Action> wanted = EnumSet.noneOf(Action.class);
    for (Action action : assessment.actions()) {
      if (TenantFlags.ENFORCEABLE.contains(action)) {
        wanted.add(action);
      }
    }
    if (assessment.outcome() == Outcome.SUCCESS && assessment.score() >= flags.playbookAt()) {
      wanted.addAll(flags.playbookActions());
    }
    PolicyMode mode = replay ? PolicyMode.MONITOR : flags.mode() != null ? flags.mode() : assessment.mode();
    Map<Action, ActionStatus> planned = new java.util.EnumMap<>(Action.class);
    for (Action action : wanted) {
      ActionStatus status;
      if (!flags.allows(action)) {
        status = ActionStatus.NOT_ALLOWED;
      } else {
        status = switch (mode) {
          case MONITOR -> ActionStatus.RECORDED;
          case ENFORCE -> ActionStatus.PENDING;
        };
      }
      planned.put(action, status);
    }
    return planned;
  }
}
