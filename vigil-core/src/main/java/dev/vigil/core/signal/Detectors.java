package dev.vigil.core.signal;

import java.util.List;

/** The built-in detectors of DESIGN.md §4 (the ANOMALY signal comes from the scorer, not from a detector). */
public final class Detectors {
  private Detectors() {}

  /** Every built-in rule, in the order their signals are listed. */
  public static List<Detector> builtIn() {
    return List.of(
        new BruteForceDetector(),
        new PasswordSprayDetector(),
        new CredentialStuffingDetector(),
        new SuccessAfterFailuresDetector(),
        new ImpossibleTravelDetector(),
        new NetworkReputationDetector(),
        new FamiliarityDetector(),
        new DeviceDetector(),
        new UnusualHourDetector());
  }

  /** The source key the engine records a failure under, for {@link BruteForceDetector}. */
  public static int failureSourceKey(long networkKey) {
    return BruteForceDetector.sourceKey(networkKey);
  }
}
