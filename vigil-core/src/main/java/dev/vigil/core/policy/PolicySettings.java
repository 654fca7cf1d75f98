package dev.vigil.core.policy;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.signal.SignalType;
import java.util.EnumSet;
import java.util.Set;

/**
 * A tenant's policy: score thresholds and hard rules.
 *
 * @param mode enforce decisions, or only record them
 * @param challengeAt scores at or above this are challenged
 * @param denyAt scores at or above this are denied
 * @param incidentAt scores at or above this open an incident (and page when CRITICAL)
 * @param denyOn signal types that deny whatever the score (default: a blocklisted address)
 * @param challengeOn signal types that at least challenge whatever the score (default: impossible travel)
 */
public record PolicySettings(PolicyMode mode, int challengeAt, int denyAt, int incidentAt, Set<SignalType> denyOn,
    Set<SignalType> challengeOn) {

  public PolicySettings {
    requireNonNull(mode, "mode");
    if (challengeAt < 1 || challengeAt > 100) {
      throw new IllegalArgumentException("policy.challengeAt must be within 1..100: " + challengeAt);
    }
    if (denyAt < challengeAt || denyAt > 101) {
      throw new IllegalArgumentException(
          "policy.denyAt must be within challengeAt..101 (101 = never deny on score): " + denyAt);
    }
    if (incidentAt < 1 || incidentAt > 101) {
      throw new IllegalArgumentException("policy.incidentAt must be within 1..101: " + incidentAt);
    }
    denyOn = denyOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(denyOn));
    challengeOn = challengeOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(challengeOn));
  }

  public static PolicySettings defaults() {
    return new PolicySettings(PolicyMode.ENFORCE, 50, 90, 80, Set.of(SignalType.BLOCKLISTED_IP),
        Set.of(SignalType.IMPOSSIBLE_TRAVEL));
  }

  public PolicySettings withMode(PolicyMode newMode) {
    return new PolicySettings(newMode, challengeAt, denyAt, incidentAt, denyOn, challengeOn);
  }

  public PolicySettings withThresholds(int newChallengeAt, int newDenyAt) {
    return new PolicySettings(mode, newChallengeAt, newDenyAt, incidentAt, denyOn, challengeOn);
  }
}
