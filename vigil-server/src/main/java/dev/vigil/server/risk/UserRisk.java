package dev.vigil.server.risk;

import dev.vigil.core.ProfileSummary;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /api/v1/users/{userId}/risk}. Holds no raw address or user agent: only their masked
 * and display forms, as stored.
 *
 * @param tenantId the API key's tenant
 * @param userId the user
 * @param profile what the engine knows of the user now; null when this process's engine has not seen them (the
 *     engine's profiles start empty after a restart until replay is in place)
 * @param recentAssessments the user's latest logins with their assessments, newest first
 * @param unreadAlerts how many of the user's alerts nobody has acknowledged yet
 */
public record UserRisk(String tenantId, String userId, @Nullable Profile profile,
    List<RecentAssessment> recentAssessments, long unreadAlerts) {

  public UserRisk {
    recentAssessments = List.copyOf(recentAssessments);
  }

  /** The API's view of core's {@link ProfileSummary}, so the JSON does not change with core's record. */
  public record Profile(int successes, List<String> countries, int networks, int systems, int devices,
      int userAgentFamilies, List<Integer> usualHours, @Nullable Instant lastSuccess) {

    static Profile of(ProfileSummary summary) {
      return new Profile(summary.successes(), summary.countries(), summary.networks(), summary.systems(),
          summary.devices(), summary.userAgentFamilies(), summary.usualHours(), summary.lastSuccess());
    }
  }

  /**
   * One stored login and its assessment.
   *
   * @param signals the signal types that explain the score, strongest first
   */
  public record RecentAssessment(String eventId, Instant timestamp, String outcome, @Nullable String failureReason,
      String ipMasked, @Nullable String userAgent, int score, String level, String decision, List<String> signals) {

    public RecentAssessment {
      signals = List.copyOf(signals);
    }
  }
}
