package dev.vigil.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.Outcome;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {
  private final PolicySettings policy = PolicySettings.defaults();

  private static List<Signal> signals(SignalType... types) {
    return java.util.Arrays.stream(types).map(t -> Signal.of(t, Severity.HIGH, "x")).toList();
  }

  @Test
  void unfamiliarityAloneIsChallengedHoweverHighTheScore() {
    List<Signal> newEverything = signals(SignalType.NEW_COUNTRY, SignalType.NEW_DEVICE, SignalType.ANOMALY);

    assertThat(DecisionPolicy.decide(99, newEverything, policy)).isEqualTo(Decision.CHALLENGE);
  }

  @Test
  void attackEvidenceAtTheDenyThresholdDenies() {
    assertThat(DecisionPolicy.decide(95, signals(SignalType.PASSWORD_SPRAY), policy)).isEqualTo(Decision.DENY);
    assertThat(DecisionPolicy.decide(89, signals(SignalType.PASSWORD_SPRAY), policy)).isEqualTo(Decision.CHALLENGE);
  }

  @Test
  void indirectAttackEvidenceIsChallengedNotDenied() {
    // A tenant-wide surge while a traveller logs in from a new provider: high score, but nothing says this login
    // is the campaign's.
    List<Signal> travellerDuringSurge = List.of(Signal.of(SignalType.IMPOSSIBLE_TRAVEL, Severity.HIGH, "x"),
        Signal.of(SignalType.CREDENTIAL_STUFFING, Severity.MEDIUM, "surge"));

    assertThat(DecisionPolicy.decide(97, travellerDuringSurge, policy)).isEqualTo(Decision.CHALLENGE);
  }

  @Test
  void hardRulesWinOverTheScore() {
    assertThat(DecisionPolicy.decide(5, signals(SignalType.BLOCKLISTED_IP), policy)).isEqualTo(Decision.DENY);
    assertThat(DecisionPolicy.decide(5, signals(SignalType.IMPOSSIBLE_TRAVEL), policy)).isEqualTo(Decision.CHALLENGE);
    assertThat(DecisionPolicy.decide(49, signals(SignalType.NEW_DEVICE), policy)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void aDeniedSuccessWithTakeoverEvidenceLogsOutFreezesAndPages() {
    Set<Action> actions = DecisionPolicy.actions(Decision.DENY, 97, Outcome.SUCCESS,
        signals(SignalType.SUCCESS_AFTER_FAILURES), policy);

    assertThat(actions).containsExactlyInAnyOrder(Action.BLOCK, Action.NOTIFY_USER, Action.FORCE_LOGOUT,
        Action.OPEN_INCIDENT, Action.PAGE, Action.FREEZE);
  }

  @Test
  void aChallengedFailureOfACampaignOpensAnIncidentButTellsNoUser() {
    Set<Action> actions = DecisionPolicy.actions(Decision.CHALLENGE, 60, Outcome.FAILURE,
        signals(SignalType.CREDENTIAL_STUFFING), policy);

    assertThat(actions).containsExactlyInAnyOrder(Action.REQUIRE_MFA, Action.OPEN_INCIDENT);
  }

  @Test
  void anAllowedLoginAsksForNothing() {
    assertThat(DecisionPolicy.actions(Decision.ALLOW, 10, Outcome.SUCCESS, List.of(), policy)).isEmpty();
  }

  @Test
  void levelsFollowTheContract() {
    assertThat(RiskLevel.of(29)).isEqualTo(RiskLevel.LOW);
    assertThat(RiskLevel.of(30)).isEqualTo(RiskLevel.MEDIUM);
    assertThat(RiskLevel.of(60)).isEqualTo(RiskLevel.HIGH);
    assertThat(RiskLevel.of(85)).isEqualTo(RiskLevel.CRITICAL);
  }
}
