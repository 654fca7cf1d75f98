package dev.vigil.server.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code sessions} and {@code refresh_tokens} tables (migration V31): opening a session with its first
 * refresh token, rotating refresh tokens, detecting reuse, ending sessions, and the per-request check that an
 * access token's session is still open.
 */
@Component
final class SessionStore {
  /** Why a session ended, as stored in {@code sessions.end_reason}. */
  enum EndReason {
    /** The user logged out. */
    LOGOUT,
    /** A refresh token was presented after it had been rotated: someone holds a copy. */
    REFRESH_TOKEN_REUSE,
    /** Incident response ended it. */
    FORCED,
    /** The account was frozen. */
    FROZEN
  }

  /** What presenting a refresh token led to. */
  sealed interface Rotation {
    /** The token was current: it is used up, {@code next} replaces it. */
    record Rotated(UUID userId, String tenantId, UUID sessionId, Role role) implements Rotation {}

    /** The token had been rotated before: the session and all its tokens are now revoked. */
    record Reused(UUID sessionId) implements Rotation {}

    /** Unknown, expired, revoked, wrong verifier, ended session or frozen user. */
    record Refused() implements Rotation {}
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  SessionStore(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** Opens a session and stores its first refresh token, both expiring at {@code expires}. */
  void open(UUID sessionId, Account account, String loginEventId, OpaqueToken refresh, Instant now,
      Instant expires) {
    transactions.executeWithoutResult(status -> {
      jdbc.sql("""
              INSERT INTO sessions (id, tenant_id, user_id, login_event_id, created_at, expires_at)
              VALUES (:id, :tenant, :user, :event, :now, :expires)""")
          .param("id", sessionId)
          .param("tenant", account.tenantId())
          .param("user", account.id())
          .param("event", loginEventId)
          .param("now", Timestamp.from(now))
          .param("expires", Timestamp.from(expires))
          .update();
      insertToken(sessionId, refresh, now, expires);
    });
  }

  /**
   * The caller behind an access token, if its session is open and unexpired and its account exists in that
   * tenant and is not frozen; the role is the account's current one.
   */
  Optional<AuthenticatedUser> openSession(UUID sessionId, UUID userId, String tenantId, Instant now) {
    return jdbc.sql("""
            SELECT u.role FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.id = :session AND s.user_id = :user AND s.tenant_id = :tenant AND u.tenant_id = :tenant
               AND s.ended_at IS NULL AND s.expires_at > :now AND NOT u.frozen""")
        .param("session", sessionId)
        .param("user", userId)
        .param("tenant", tenantId)
        .param("now", Timestamp.from(now))
        .query(String.class)
        .optional()
        .map(role -> new AuthenticatedUser(userId, tenantId, sessionId, Role.valueOf(role)));
  }

  /**
   * Uses up {@code presented} and stores {@code next} in its place, in one transaction that locks the presented
   * token's row, so two concurrent uses of one token cannot both succeed: the second is a reuse.
   */
  Rotation rotate(OpaqueToken presented, OpaqueToken next, Instant now, Instant nextExpires) {
    return transactions.execute(status -> {
      Optional<TokenRow> found = jdbc.sql("""
              SELECT t.session_id, t.verifier_hash, t.expires_at, t.used_at, t.revoked_at, s.user_id, s.tenant_id,
                     s.ended_at, u.role, u.frozen
                FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id
               WHERE t.id = :id
                 FOR UPDATE OF t, s""")
          .param("id", presented.id())
          .query((rs, n) -> new TokenRow(rs.getObject("session_id", UUID.class), rs.getBytes("verifier_hash"),
              rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("used_at") != null,
              rs.getTimestamp("revoked_at") != null, rs.getObject("user_id", UUID.class), rs.getString("tenant_id"),
              rs.getTimestamp("ended_at") != null, Role.valueOf(rs.getString("role")), rs.getBoolean("frozen")))
          .optional();
      if (found.isEmpty() || !presented.matches(found.get().verifierHash())) {
        return new Rotation.Refused();
      }
      TokenRow row = found.get();
      if (row.used()) {
        endInTransaction(row.sessionId(), EndReason.REFRESH_TOKEN_REUSE, now);
        return new Rotation.Reused(row.sessionId());
      }
      if (row.revoked() || row.sessionEnded() || row.frozen() || !now.isBefore(row.expiresAt())) {
        return new Rotation.Refused();
      }
      jdbc.sql("UPDATE refresh_tokens SET used_at = :now WHERE id = :id")
          .param("now", Timestamp.from(now))
          .param("id", presented.id())
          .update();
      jdbc.sql("UPDATE sessions SET expires_at = :expires WHERE id = :id")
          .param("expires", Timestamp.from(nextExpires))
          .param("id", row.sessionId())
          .update();
      insertToken(row.sessionId(), next, now, nextExpires);
      return new Rotation.Rotated(row.userId(), row.tenantId(), row.sessionId(), row.role());
    });
  }

  /** Ends an open session of this user and revokes its refresh tokens; false when it was not open. */
  boolean end(String tenantId, UUID userId, UUID sessionId, EndReason reason, Instant now) {
    Boolean ended = transactions.execute(status -> {
      int updated = jdbc.sql("""
              UPDATE sessions SET ended_at = :now, end_reason = :reason
               WHERE id = :id AND tenant_id = :tenant AND user_id = :user AND ended_at IS NULL""")
          .param("now", Timestamp.from(now))
          .param("reason", reason.name())
          .param("id", sessionId)
          .param("tenant", tenantId)
          .param("user", userId)
          .update();
      revokeTokens(sessionId, now);
      return updated == 1;
    });
    return Boolean.TRUE.equals(ended);
  }

  /**
   * Ends every open session of this user except {@code keep} (the caller's own) and revokes their refresh tokens,
   * in one transaction; returns how many ended.
   */
  int endOthers(String tenantId, UUID userId, UUID keep, Instant now) {
    Integer ended = transactions.execute(status -> {
      jdbc.sql("""
              UPDATE refresh_tokens SET revoked_at = :now
               WHERE revoked_at IS NULL AND session_id IN (
                     SELECT id FROM sessions
                      WHERE tenant_id = :tenant AND user_id = :user AND id <> :keep AND ended_at IS NULL)""")
          .param("now", Timestamp.from(now)).param("tenant", tenantId).param("user", userId).param("keep", keep)
          .update();
      return jdbc.sql("""
              UPDATE sessions SET ended_at = :now, end_reason = 'LOGOUT'
               WHERE tenant_id = :tenant AND user_id = :user AND id <> :keep AND ended_at IS NULL""")
          .param("now", Timestamp.from(now)).param("tenant", tenantId).param("user", userId).param("keep", keep)
          .update();
    });
    return ended == null ? 0 : ended;
  }

  private void endInTransaction(UUID sessionId, EndReason reason, Instant now) {
    jdbc.sql("UPDATE sessions SET ended_at = :now, end_reason = :reason WHERE id = :id AND ended_at IS NULL")
        .param("now", Timestamp.from(now))
        .param("reason", reason.name())
        .param("id", sessionId)
        .update();
    revokeTokens(sessionId, now);
  }

  private void revokeTokens(UUID sessionId, Instant now) {
    jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE session_id = :id AND revoked_at IS NULL")
        .param("now", Timestamp.from(now))
        .param("id", sessionId)
        .update();
  }

  private void insertToken(UUID sessionId, OpaqueToken token, Instant now, Instant expires) {
    jdbc.sql("""
            INSERT INTO refresh_tokens (id, session_id, verifier_hash, issued_at, expires_at)
            VALUES (:id, :session, :hash, :now, :expires)""")
        .param("id", token.id())
        .param("session", sessionId)
        .param("hash", token.verifierHash())
        .param("now", Timestamp.from(now))
        .param("expires", Timestamp.from(expires))
        .update();
  }

  private record TokenRow(UUID sessionId, byte[] verifierHash, Instant expiresAt, boolean used, boolean revoked,
      UUID userId, String tenantId, boolean sessionEnded, Role role, boolean frozen) {}
}
