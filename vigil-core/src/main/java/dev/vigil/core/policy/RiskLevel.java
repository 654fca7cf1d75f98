package dev.vigil.core.policy;

/** A coarse reading of the 0–100 score (DESIGN.md §3). */
public enum RiskLevel {
  /** Score below 30. */
  LOW,
  /** Score 30 to 59. */
  MEDIUM,
  /** Score 60 to 84. */
  HIGH,
  /** Score 85 and above. */
  CRITICAL;

  /** The level of a score between 0 and 100. */
  public static RiskLevel of(int score) {
    if (score < 30) {
      return LOW;
    }
    if (score < 60) {
      return MEDIUM;
    }
    return score < 85 ? HIGH : CRITICAL;
  }
}
