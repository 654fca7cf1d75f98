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
 */
public record TenantSettings(DetectionSettings detection, ScoringSettings scoring, PolicySettings policy,
    double challengedLearnWeight) {

  public TenantSettings {
    requireNonNull(detection, "detection");
    requireNonNull(scoring, "scoring");
    requireNonNull(policy, "policy");
    if (!(challengedLearnWeight >= 0 && challengedLearnWeight <= 1)) {
      throw new IllegalArgumentException("challengedLearnWeight must be within 0..1: " + challengedLearnWeight);
    }
  }

  public static TenantSettings defaults() {
    return new TenantSettings(DetectionSettings.defaults(), ScoringSettings.defaults(), PolicySettings.defaults(),
        0.1);
  }

  public TenantSettings withDetection(DetectionSettings newDetection) {
    return new TenantSettings(newDetection, scoring, policy, challengedLearnWeight);
  }

  public TenantSettings withScoring(ScoringSettings newScoring) {
    return new TenantSettings(detection, newScoring, policy, challengedLearnWeight);
  }

  public TenantSettings withPolicy(PolicySettings newPolicy) {
    return new TenantSettings(detection, scoring, newPolicy, challengedLearnWeight);
  }
}
