package dev.vigil.server.risk;

import dev.vigil.server.alert.AlertStore;
import dev.vigil.server.engine.LoginPipeline;
import dev.vigil.server.risk.UserRisk.RecentAssessment;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A user's risk as Vigil sees it, for one tenant: the engine's profile summary, the latest stored logins with
 * their assessments and the unread alert count. Read by the engine API ({@code /api/v1/users/{id}/risk}, the API
 * key's tenant) and the analysts' console ({@code /internal/users/{id}}, the analyst's tenant); the caller decides
 * the tenant, never the request.
 */
@Component
public final class UserRisks {
  /** The most recent assessments one read returns. */
  public static final int MAX_LIMIT = 100;

  private final LoginPipeline pipeline;
  private final UserRiskStore store;
  private final AlertStore alerts;

  UserRisks(LoginPipeline pipeline, UserRiskStore store, AlertStore alerts) {
    this.pipeline = pipeline;
    this.store = store;
    this.alerts = alerts;
  }

  /**
   * The user's risk, with at most {@code limit} recent assessments, newest first.
   *
   * @throws UnknownUserException when the tenant has neither a profile nor a stored login of the user (a user of
   *     another tenant included)
   */
  public UserRisk of(String tenantId, String userId, int limit) {
    Optional<UserRisk.Profile> profile = pipeline.profileSummary(tenantId, userId).map(UserRisk.Profile::of);
    List<RecentAssessment> recent = store.recent(tenantId, userId, limit);
    if (profile.isEmpty() && recent.isEmpty()) {
      throw new UnknownUserException();
    }
    return new UserRisk(tenantId, userId, profile.orElse(null), recent, alerts.unreadCount(tenantId, userId));
  }
}
