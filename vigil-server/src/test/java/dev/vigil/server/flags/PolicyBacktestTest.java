package dev.vigil.server.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.policy.Decision;
import dev.vigil.core.policy.PolicySettings;
import dev.vigil.core.signal.Severity;
import dev.vigil.core.signal.Signal;
import dev.vigil.core.signal.SignalType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class PolicyBacktestTest {
  private static final PolicySettings DEFAULTS = PolicySettings.defaults();
  // 1 - (1 - 0.6)(1 - 0.2) = 0.68: the stored score of a login carrying both.
  private static final List<Signal> BURST_ON_NEW_DEVICE = List.of(
      new Signal(SignalType.BRUTE_FORCE, Severity.HIGH, 0.6, ""),
      new Signal(SignalType.NEW_DEVICE, Severity.LOW, 0.2, ""));

  @Test
  void aLoginKeepsItsStoredScoreWhenNoneOfItsDetectorsIsSwitchedOff() {
    assertThat(PolicyBacktest.decideWithout(68, BURST_ON_NEW_DEVICE, Set.of(SignalType.ANONYMIZER), DEFAULTS))
        .isEqualTo(Decision.CHALLENGE);
  }

  @Test
  void switchingADetectorOffRecombinesTheScoreFromTheRemainingWeights() {
    assertThat(PolicyBacktest.decideWithout(68, BURST_ON_NEW_DEVICE, Set.of(SignalType.BRUTE_FORCE), DEFAULTS))
        .as("20 without the burst: allowed").isEqualTo(Decision.ALLOW);
    assertThat(PolicyBacktest.decideWithout(68, BURST_ON_NEW_DEVICE, Set.of(SignalType.BRUTE_FORCE),
        DEFAULTS.withThresholds(20, 90))).as("20 reaches a challenge threshold of 20").isEqualTo(Decision.CHALLENGE);
  }

  @Test
  void aHardRuleOfADetectorSwitchedOffNoLongerApplies() {
    List<Signal> blocklisted = List.of(new Signal(SignalType.BLOCKLISTED_IP, Severity.HIGH, 0.3, ""));
    assertThat(PolicyBacktest.decideWithout(30, blocklisted, Set.of(), DEFAULTS)).isEqualTo(Decision.DENY);
    assertThat(PolicyBacktest.decideWithout(30, blocklisted, Set.of(SignalType.BLOCKLISTED_IP), DEFAULTS))
        .isEqualTo(Decision.ALLOW);
  }
}
