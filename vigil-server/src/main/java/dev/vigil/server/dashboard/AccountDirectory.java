package dev.vigil.server.dashboard;

import dev.vigil.server.dashboard.AnalystUserView.AccountState;
import dev.vigil.server.dashboard.AnalystUserView.OpenSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a login-service account's state and open sessions for the console. Engine user ids of login-service users
 * are account ids (UUIDs); any other id names a user of an application that only calls the engine API, who has no
 * account here.
 */
@Component
final class AccountDirectory {
  private static final int MAX_SESSIONS = 50;

  private final JdbcClient jdbc;

  AccountDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AccountState> account(String tenantId, String userId) {
    return accountId(userId).flatMap(id -> jdbc.sql("SELECT role, frozen FROM users WHERE tenant_id = ? AND id = ?")
        .param(tenantId).param(id)
        .query((rs, n) -> new AccountState(rs.getString("role"), rs.getBoolean("frozen")))
        .optional());
  }

  List<OpenSession> openSessions(String tenantId, String userId, Instant now) {
    return accountId(userId).map(id -> jdbc.sql("""
            SELECT s.id, s.created_at, s.expires_at, e.ip_masked, e.user_agent_display
              FROM sessions s
              LEFT JOIN login_events e ON e.tenant_id = s.tenant_id AND e.event_id = s.login_event_id
             WHERE s.tenant_id = :tenant AND s.user_id = :user AND s.ended_at IS NULL AND s.expires_at > :now
             ORDER BY s.created_at DESC LIMIT :limit""")
        .param("tenant", tenantId).param("user", id).param("now", Timestamp.from(now)).param("limit", MAX_SESSIONS)
        .query((rs, n) -> new OpenSession(rs.getString("id"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("expires_at").toInstant(), rs.getString("ip_masked"),
            rs.getString("user_agent_display")))
        .list()).orElse(List.of());
  }

  private static Optional<UUID> accountId(String userId) {
    try {
      return Optional.of(UUID.fromString(userId));
    } catch (IllegalArgumentException notAnAccount) {
      return Optional.empty();
    }
  }
}
