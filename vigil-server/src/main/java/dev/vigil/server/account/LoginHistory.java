package dev.vigil.server.account;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a user's attempts from {@code login_events} and their decisions from {@code assessments} (owned by the
 * engine pipeline; read-only here), newest first, on the {@code (tenant_id, user_id, occurred_at desc)} index.
 */
@Component
final class LoginHistory {
  private final JdbcClient jdbc;

  LoginHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<LoginHistoryEntry> page(String tenantId, String userId, int offset, int limit) {
    return jdbc.sql("""
            SELECT e.event_id, e.occurred_at, e.outcome, e.failure_reason, e.ip_masked, e.user_agent_display,
                   a.decision, a.score
              FROM login_events e LEFT JOIN assessments a USING (tenant_id, event_id)
             WHERE e.tenant_id = :tenant AND e.user_id = :user
             ORDER BY e.occurred_at DESC, e.seq DESC
             LIMIT :limit OFFSET :offset""")
        .param("tenant", tenantId)
        .param("user", userId)
        .param("limit", limit)
        .param("offset", offset)
        .query((rs, n) -> {
          int score = rs.getInt("score");
          Integer scored = rs.wasNull() ? null : score;
          return new LoginHistoryEntry(rs.getString("event_id"), rs.getTimestamp("occurred_at").toInstant(),
              rs.getString("outcome"), rs.getString("failure_reason"), rs.getString("ip_masked"),
              rs.getString("user_agent_display"), rs.getString("decision"), scored);
        })
        .list();
  }

  long count(String tenantId, String userId) {
    return jdbc.sql("SELECT count(*) FROM login_events WHERE tenant_id = :tenant AND user_id = :user")
        .param("tenant", tenantId)
        .param("user", userId)
        .query(Long.class)
        .single();
  }
}
