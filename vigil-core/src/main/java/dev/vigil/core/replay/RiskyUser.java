package dev.vigil.core.replay;

import static java.util.Objects.requireNonNull;

/**
 * A user among the riskiest of a replay. The summary is an operator's report, so it names the user; a stray
 * log line must not, hence the redacting {@link #toString()}.
 *
 * @param tenantId the user's tenant
 * @param userId the user (identity)
 * @param maxScore the highest score any of the user's logins got, 0–100
 * @param flaggedLogins how many of the user's logins were challenged or denied
 */
public record RiskyUser(String tenantId, String userId, int maxScore, long flaggedLogins) {
  public RiskyUser {
    requireNonNull(tenantId, "tenantId");
    requireNonNull(userId, "userId");
    if (maxScore < 0 || maxScore > 100) {
      throw new IllegalArgumentException("maxScore must be between 0 and 100: " + maxScore);
    }
    if (flaggedLogins < 0) {
      throw new IllegalArgumentException("flaggedLogins must not be negative: " + flaggedLogins);
    }
  }

  @Override
  public String toString() {
    return "RiskyUser[tenantId=" + tenantId + ", maxScore=" + maxScore + ", flaggedLogins=" + flaggedLogins + "]";
  }
}
