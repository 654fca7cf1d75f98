package dev.vigil.core;

import static java.util.Objects.requireNonNull;

import dev.vigil.core.policy.PolicySettings;
import dev.vigil.core.score.ScoringSettings;
import dev.vigil.core.signal.DetectionSettings;

/**
 * One tenant's settings: what its detectors look for, how signals are weighed, and what the policy does.
 *
 * @param detection detector parameters
 * @param scoring signal weights and the statistical model's calibration
 * @param policy thresholds, hard rules and mode
 * @param challengedLearnWeight how much a challenged success teaches the profile (0..1): the user probably
 *     passed the challenge, but the engine cannot know, so it learns a little (a denied login teaches nothing)
 * @param trustedBelow an allowed success whose unfamiliarity — the part of its score from a new place, device or
 *     hour, travel or the models' anomaly, not from context such as a VPN or a scripted client — is below this
 *     teaches the profile in full
 * @param doubtedLearnWeight what an allowed success with more unfamiliarity teaches (0..1). A login
 *     the engine had doubts about is not yet proof that its place and device are the user's: at the default 0.2
 *     (a value is familiar from 0.3) the user's own second visit from there makes it familiar, while an
 *     attacker's return after a first allowed visit is still measured as unfamiliar.
 */
public record TenantSettings(DetectionSettings detection, ScoringSettings scoring, PolicySettings policy,
    double challengedLearnWeight, int trustedBelow, double doubtedLearnWeight) {

  public TenantSettings {
    requireNonNull(detection, "detection");
    requireNonNull(scoring, "scoring");
    requireNonNull(policy, "policy");
    if (!(challengedLearnWeight >= 0 && challengedLearnWeight <= 1)) {
      throw new IllegalArgumentException("challengedLearnWeight must be within 0..1: " + challengedLearnWeight);
    }
    if (trustedBelow < 0 || trustedBelow > 101) {
      throw new IllegalArgumentException("trustedBelow must be within 0..101: " + trustedBelow);
    }
    if (!(doubtedLearnWeight >= 0 && doubtedLearnWeight <= 1)) {
      throw new IllegalArgumentException("doubtedLearnWeight must be within 0..1: " + doubtedLearnWeight);
    }
  }

  /** How much an allowed success teaches the profile, by the unfamiliarity part of its score (0–100). */
  public float allowedLearnWeight(int unfamiliarity) {
    return unfamiliarity < trustedBelow ? 1f : (float) doubtedLearnWeight;
  }

  public static TenantSettings defaults() {
    return new TenantSettings(DetectionSettings.defaults(), ScoringSettings.defaults(), PolicySettings.defaults(),
        0.1, 30, 0.2);
  }

  public TenantSettings withDetection(DetectionSettings newDetection) {
    return new TenantSettings(newDetection, scoring, policy, challengedLearnWeight, trustedBelow, doubtedLearnWeight);
  }

  public TenantSettings withScoring(ScoringSettings newScoring) {
    return new TenantSettings(detection, newScoring, policy, challengedLearnWeight, trustedBelow, doubtedLearnWeight);
  }

  public TenantSettings withPolicy(PolicySettings newPolicy) {
    return new TenantSettings(detection, scoring, newPolicy, challengedLearnWeight, trustedBelow, doubtedLearnWeight);
  }
}
