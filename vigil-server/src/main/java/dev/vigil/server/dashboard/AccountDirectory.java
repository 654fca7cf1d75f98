package dev.vigil.server.dashboard;

import dev.vigil.server.auth.OpenSessions;
import dev.vigil.server.dashboard.AnalystUserView.AccountState;
import dev.vigil.server.dashboard.AnalystUserView.OpenSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a login-service account's state and open sessions ({@link OpenSessions}, as the user's own list shows
 * them) for the console. Engine user ids of login-service users are account ids (UUIDs); any other id names a user
 * of an application that only calls the engine API, who has no account here.
 */
@Component
final class AccountDirectory {
  private final JdbcClient jdbc;
  private final OpenSessions sessions;

  AccountDirectory(JdbcClient jdbc, OpenSessions sessions) {
    this.jdbc = jdbc;
    this.sessions = sessions;
  }

  Optional<AccountState> account(String tenantId, String userId) {
    return accountId(userId).flatMap(id -> jdbc.sql("SELECT role, frozen FROM users WHERE tenant_id = ? AND id = ?")
        .param(tenantId).param(id)
        .query((rs, n) -> new AccountState(rs.getString("role"), rs.getBoolean("frozen")))
        .optional());
  }

  List<OpenSession> openSessions(String tenantId, String userId, Instant now) {
    return accountId(userId).map(id -> sessions.of(tenantId, id, now).stream()
        .map(open -> new OpenSession(open.id().toString(), open.startedAt(), open.expiresAt(), open.ipMasked(),
            open.device()))
        .toList()).orElse(List.of());
  }

  private static Optional<UUID> accountId(String userId) {
    try {
      return Optional.of(UUID.fromString(userId));
    } catch (IllegalArgumentException notAnAccount) {
      return Optional.empty();
    }
  }
}
