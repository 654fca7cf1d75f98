package dev.vigil.server.enforce;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default {@link AccountControl} while the built-in login service is not merged: sessions in
 * {@code account_sessions}, freezes in {@code account_freezes} (V51). A revoked session keeps its row with
 * {@code revoked_at} set, which is what lets a rollback restore it.
 */
public final class TableAccountControl implements AccountControl {
  private final JdbcClient jdbc;
  private final Clock clock;

  TableAccountControl(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records a session as the login service would issue it (this branch has no login service; tests use it). */
  public void openSession(String tenantId, String userId, String sessionId, Instant expiresAt) {
    jdbc.sql("""
            INSERT INTO account_sessions (tenant_id, session_id, user_id, expires_at)
            VALUES (:tenant, :session, :user, :expires)""")
        .param("tenant", tenantId).param("session", sessionId).param("user", userId)
        .param("expires", Timestamp.from(expiresAt))
        .update();
  }

  /** The user's sessions that are valid now: not revoked, not expired. */
  public List<String> activeSessions(String tenantId, String userId) {
    return jdbc.sql("""
            SELECT session_id FROM account_sessions
             WHERE tenant_id = :tenant AND user_id = :user AND revoked_at IS NULL AND expires_at > :now
             ORDER BY session_id""")
        .param("tenant", tenantId).param("user", userId).param("now", now())
        .query(String.class).list();
  }

  @Override
  public List<String> revokeSessions(String tenantId, String userId) {
    return jdbc.sql("""
            UPDATE account_sessions SET revoked_at = :now
             WHERE tenant_id = :tenant AND user_id = :user AND revoked_at IS NULL AND expires_at > :now
            RETURNING session_id""")
        .param("tenant", tenantId).param("user", userId).param("now", now())
        .query(String.class).list();
  }

  @Override
  public List<String> revokeSessions(String tenantId, String userId, Collection<String> sessionIds) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            UPDATE account_sessions SET revoked_at = :now
             WHERE tenant_id = :tenant AND user_id = :user AND session_id = ANY(:ids)
               AND revoked_at IS NULL AND expires_at > :now
            RETURNING session_id""")
        .param("tenant", tenantId).param("user", userId).param("ids", sessionIds.toArray(String[]::new))
        .param("now", now())
        .query(String.class).list();
  }

  @Override
  public List<String> restoreSessions(String tenantId, Collection<String> sessionIds) {
    if (sessionIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            UPDATE account_sessions SET revoked_at = NULL
             WHERE tenant_id = :tenant AND session_id = ANY(:ids) AND revoked_at IS NOT NULL AND expires_at > :now
            RETURNING session_id""")
        .param("tenant", tenantId).param("ids", sessionIds.toArray(String[]::new)).param("now", now())
        .query(String.class).list();
  }

  @Override
  public boolean freeze(String tenantId, String userId) {
    return jdbc.sql("""
            INSERT INTO account_freezes (tenant_id, user_id, frozen_at) VALUES (:tenant, :user, :now)
            ON CONFLICT DO NOTHING""")
        .param("tenant", tenantId).param("user", userId).param("now", now())
        .update() == 1;
  }

  @Override
  public boolean unfreeze(String tenantId, String userId) {
    return jdbc.sql("DELETE FROM account_freezes WHERE tenant_id = :tenant AND user_id = :user")
        .param("tenant", tenantId).param("user", userId)
        .update() == 1;
  }

  @Override
  public boolean isFrozen(String tenantId, String userId) {
    return jdbc.sql("SELECT count(*) FROM account_freezes WHERE tenant_id = :tenant AND user_id = :user")
        .param("tenant", tenantId).param("user", userId)
        .query(Long.class).single() > 0;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }
}
