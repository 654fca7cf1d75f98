package dev.vigil.server.risk;

import dev.vigil.server.risk.UserRisk.RecentAssessment;
import java.sql.Array;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a user's recent logins and assessments ({@code login_events}, {@code assessments}). */
@Component
final class UserRiskStore {
  /**
   * Newest first along {@code login_events_user_time}, each joined to its assessment by primary key; level and
   * signal types come out of the stored assessment JSON. The plan test pins both indexes.
   */
  static final String RECENT = """
      SELECT e.event_id, e.occurred_at, e.outcome, e.failure_reason, e.ip_masked, e.user_agent_display,
             a.score, a.decision, a.assessment->>'level' AS level,
             ARRAY(SELECT s->>'type' FROM json_array_elements(a.assessment->'signals') s) AS signal_types
        FROM login_events e
        JOIN assessments a ON a.tenant_id = e.tenant_id AND a.event_id = e.event_id
       WHERE e.tenant_id = :tenant AND e.user_id = :user
       ORDER BY e.occurred_at DESC, e.seq DESC
       LIMIT :limit""";

  private final JdbcClient jdbc;

  UserRiskStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<RecentAssessment> recent(String tenantId, String userId, int limit) {
    return jdbc.sql(RECENT)
        .param("tenant", tenantId)
        .param("user", userId)
        .param("limit", limit)
        .query((rs, n) -> {
          Array signals = rs.getArray("signal_types");
          return new RecentAssessment(rs.getString("event_id"), rs.getTimestamp("occurred_at").toInstant(),
              rs.getString("outcome"), rs.getString("failure_reason"), rs.getString("ip_masked"),
              rs.getString("user_agent_display"), rs.getInt("score"), String.valueOf(rs.getString("level")),
              rs.getString("decision"), List.of((String[]) signals.getArray()));
        })
        .list();
  }
}
