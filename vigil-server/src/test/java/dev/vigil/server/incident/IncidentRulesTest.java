package dev.vigil.server.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.Outcome;
import dev.vigil.core.policy.Action;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.Decision;
import dev.vigil.core.policy.PolicyMode;
import dev.vigil.core.policy.RiskLevel;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import dev.vigil.server.enforce.ActionStatus;
import dev.vigil.server.flags.TenantFlags;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which assessments open incidents and which actions they plan: pure rules, no Spring. */
final class IncidentRulesTest {
  private static final TenantFlags DEFAULTS = TenantFlags.defaults("acme");

  @Test
  void aScoreAtTheThresholdOpensAnIncidentAboutTheUser() {
    var trigger = IncidentRules.trigger(assessment(80, SignalType.NEW_DEVICE), DEFAULTS, 80, Map.of());

    assertThat(trigger).isPresent();
    assertThat(trigger.get().aboutNetwork()).isFalse();
  }

  @Test
  void aScoreBelowTheThresholdOpensNone() {
    assertThat(IncidentRules.trigger(assessment(79, SignalType.NEW_DEVICE), DEFAULTS, 80, Map.of())).isEmpty();
  }

  @Test
  void aSprayOpensAnIncidentAboutTheNetworkWhateverTheScore() {
    var trigger = IncidentRules.trigger(assessment(20, SignalType.PASSWORD_SPRAY), DEFAULTS, 80, Map.of());

    assertThat(trigger).isPresent();
    assertThat(trigger.get().aboutNetwork()).isTrue();
  }

  @Test
  void oneUntunedSignalIsEnoughWhenAnotherWasTunedUp() {
    // NEW_DEVICE cried wolf and needs 90 now; impossible travel still opens at 80.
    Map<SignalType, Integer> tuned = Map.of(SignalType.NEW_DEVICE, 90);

    assertThat(IncidentRules.trigger(assessment(85, SignalType.NEW_DEVICE), DEFAULTS, 80, tuned)).isEmpty();
    assertThat(IncidentRules.trigger(assessment(85, SignalType.NEW_DEVICE, SignalType.IMPOSSIBLE_TRAVEL), DEFAULTS,
        80, tuned)).isPresent();
  }

  @Test
  void signalsOfADisabledDetectorDoNotCount() {
    TenantFlags flags = new TenantFlags("acme", null, TenantFlags.ENFORCEABLE, Set.of(SignalType.BRUTE_FORCE), null,
        null, null, Set.of(), 101, 0);

    assertThat(IncidentRules.trigger(assessment(40, SignalType.BRUTE_FORCE), flags, 80, Map.of())).isEmpty();
  }

  @Test
  void monitorModeRecordsAndForbiddenActionsAreMarked() {
    TenantFlags flags = new TenantFlags("acme", PolicyMode.MONITOR, Set.of(Action.PAGE), Set.of(), null, null, null,
        Set.of(Action.FREEZE), 80, 0);

    Map<Action, ActionStatus> planned = IncidentRules.actions(assessment(90, SignalType.NEW_DEVICE), flags, false);

    assertThat(planned).containsEntry(Action.PAGE, ActionStatus.RECORDED)
        .containsEntry(Action.FREEZE, ActionStatus.NOT_ALLOWED)
        .doesNotContainKeys(Action.NOTIFY_USER, Action.OPEN_INCIDENT);
  }

  @Test
  void aReplayNeverEnforces() {
    Map<Action, ActionStatus> planned = IncidentRules.actions(assessment(90, SignalType.NEW_DEVICE), DEFAULTS, true);

    assertThat(planned.values()).containsOnly(ActionStatus.RECORDED);
  }

  private static Assessment assessment(int score, SignalType... types) {
    List<Signal> signals = java.util.Arrays.stream(types).map(t -> Signal.of(t, Severity.HIGH, "test")).toList();
    return new Assessment("e-1", "acme", "alice", Instant.parse("2026-11-01T08:00:00Z"), Outcome.SUCCESS, score,
        RiskLevel.of(score), Decision.CHALLENGE, signals, Set.of(Action.PAGE, Action.NOTIFY_USER, Action.OPEN_INCIDENT),
        PolicyMode.ENFORCE, null, "test", 1);
  }
}
