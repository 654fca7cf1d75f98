package dev.vigil.server.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What incident response may do to login-service accounts: end their sessions and freeze or unfreeze them. All
 * take effect on the next request, since every request checks its session and the frozen flag. User ids are the
 * engine's ({@code login_events.user_id}): for login-service accounts the account id; any other id (a user of an
 * application that only calls the engine API) is not an account here and changes nothing.
 */
@Service
public final class AccountEnforcement {
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  AccountEnforcement(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Ends every open session of the user and revokes their refresh tokens; returns how many sessions ended. */
  public int forceLogout(String tenantId, String userId) {
    return accountId(userId).map(id -> endSessions(tenantId, id, SessionStore.EndReason.FORCED)).orElse(0);
  }

  /** Freezes the account and ends its sessions; false when the tenant has no such account. */
  public boolean freeze(String tenantId, String userId) {
    return setFrozen(tenantId, userId, true);
  }

  /** Lifts a freeze; ended sessions stay ended (the user logs in again). False when there is no such account. */
  public boolean unfreeze(String tenantId, String userId) {
    return setFrozen(tenantId, userId, false);
  }

  private boolean setFrozen(String tenantId, String userId, boolean frozen) {
    Optional<UUID> id = accountId(userId);
    if (id.isEmpty()) {
      return false;
    }
    Boolean changed = transactions.execute(status -> {
      int updated = jdbc.sql("UPDATE users SET frozen = :frozen WHERE tenant_id = :tenant AND id = :id")
          .param("frozen", frozen)
          .param("tenant", tenantId)
          .param("id", id.get())
          .update();
      if (updated == 1 && frozen) {
        endSessions(tenantId, id.get(), SessionStore.EndReason.FROZEN);
      }
      return updated == 1;
    });
    return Boolean.TRUE.equals(changed);
  }

  private int endSessions(String tenantId, UUID userId, SessionStore.EndReason reason) {
    Instant now = clock.instant();
    return transactions.execute(status -> {
      jdbc.sql("""
              UPDATE refresh_tokens SET revoked_at = :now
               WHERE revoked_at IS NULL AND session_id IN (
                     SELECT id FROM sessions WHERE tenant_id = :tenant AND user_id = :user AND ended_at IS NULL)""")
          .param("now", Timestamp.from(now))
          .param("tenant", tenantId)
          .param("user", userId)
          .update();
      return jdbc.sql("""
              UPDATE sessions SET ended_at = :now, end_reason = :reason
               WHERE tenant_id = :tenant AND user_id = :user AND ended_at IS NULL""")
          .param("now", Timestamp.from(now))
          .param("reason", reason.name())
          .param("tenant", tenantId)
          .param("user", userId)
          .update();
    });
  }

  private static Optional<UUID> accountId(String userId) {
    try {
      return Optional.of(UUID.fromString(userId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
