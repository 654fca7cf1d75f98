package dev.vigil.server.auth;

import dev.vigil.server.enforce.AccountControl;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident response's {@link AccountControl} over the login service's own tables: {@code sessions} with their
 * refresh-token families, and {@code users.frozen}. Every request's access token is checked against exactly this
 * state ({@link SessionStore#openSession}), and so is every refresh, so each change counts on the next request.
 *
 * <p>Revoking ends a session with reason {@code FORCED} and revokes its refresh tokens at the same instant; that
 * shared instant is what lets {@link #restoreSessions} (a rollback) bring back exactly the tokens the revocation
 * took, and only the latest of each family (one never used), so the refresh token the user's client holds works
 * again while tokens rotated away before stay dead. Sessions ended for other reasons (logout, token reuse) are
 * never restored.
 *
 * <p>Freezing only sets the flag: a frozen account's sessions are refused while it lasts and work again when it is
 * lifted; ending them is {@code FORCE_LOGOUT}'s job, which playbooks pair with {@code FREEZE}.
 *
 * <p>User ids are the engine's ({@code login_events.user_id}): for login-service accounts the account id. Any other
 * id (a user of an application that only calls the engine API), or an account of another tenant, is not an
 * account here: nothing changes and the methods say so (empty lists, {@code false}). Statements join the caller's
 * transaction, as the port requires.
 */
@Component
public final class SessionAccountControl implements AccountControl {
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SessionAccountControl(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public List<String> revokeSessions(String tenantId, String userId) {
    return accountId(userId).map(id -> revoke(tenantId, id, null)).orElse(List.of());
  }

  @Override
  public List<String> revokeSessions(String tenantId, String userId, Collection<String> sessionIds) {
    List<String> ids = uuids(sessionIds);
    if (ids.isEmpty()) {
      return List.of();
    }
    return accountId(userId).map(id -> revoke(tenantId, id, ids)).orElse(List.of());
  }

  /** Ends the user's open sessions ({@code only} those, when given) and revokes their refresh tokens. */
  private List<String> revoke(String tenantId, UUID userId, @Nullable List<String> only) {
    Timestamp now = Timestamp.from(clock.instant());
    String sql = """
        UPDATE sessions SET ended_at = :now, end_reason = 'FORCED'
         WHERE tenant_id = :tenant AND user_id = :user AND ended_at IS NULL AND expires_at > :now"""
        + (only == null ? "" : " AND id = ANY(CAST(:only AS uuid[]))") + " RETURNING id";
    return transactions.execute(status -> {
      var statement = jdbc.sql(sql).param("now", now).param("tenant", tenantId).param("user", userId);
      if (only != null) {
        statement = statement.param("only", only.toArray(String[]::new));
      }
      List<String> ended = statement.query(String.class).list();
      if (!ended.isEmpty()) {
        jdbc.sql("""
                UPDATE refresh_tokens SET revoked_at = :now
                 WHERE session_id = ANY(CAST(:ids AS uuid[])) AND revoked_at IS NULL""")
            .param("now", now)
            .param("ids", ended.toArray(String[]::new))
            .update();
      }
      return ended.stream().sorted().toList();
    });
  }

  @Override
  public List<String> restoreSessions(String tenantId, Collection<String> sessionIds) {
    List<String> ids = uuids(sessionIds);
    if (ids.isEmpty()) {
      return List.of();
    }
    String[] idArray = ids.toArray(String[]::new);
    Timestamp now = Timestamp.from(clock.instant());
    return transactions.execute(status -> {
      // Tokens first, while the session still carries the instant it was ended at.
      jdbc.sql("""
              UPDATE refresh_tokens t SET revoked_at = NULL
                FROM sessions s
               WHERE s.id = t.session_id AND s.tenant_id = :tenant AND s.id = ANY(CAST(:ids AS uuid[]))
                 AND s.end_reason = 'FORCED' AND s.expires_at > :now
                 AND t.revoked_at = s.ended_at AND t.used_at IS NULL AND t.expires_at > :now""")
          .param("tenant", tenantId)
          .param("ids", idArray)
          .param("now", now)
          .update();
      return jdbc.sql("""
              UPDATE sessions SET ended_at = NULL, end_reason = NULL
               WHERE tenant_id = :tenant AND id = ANY(CAST(:ids AS uuid[])) AND end_reason = 'FORCED' AND expires_at > :now
              RETURNING id""")
          .param("tenant", tenantId)
          .param("ids", idArray)
          .param("now", now)
          .query(String.class).list().stream().sorted().toList();
    });
  }

  @Override
  public boolean freeze(String tenantId, String userId) {
    return setFrozen(tenantId, userId, true);
  }

  @Override
  public boolean unfreeze(String tenantId, String userId) {
    return setFrozen(tenantId, userId, false);
  }

  @Override
  public boolean isFrozen(String tenantId, String userId) {
    return accountId(userId).flatMap(id -> jdbc.sql("SELECT frozen FROM users WHERE tenant_id = :tenant AND id = :id")
        .param("tenant", tenantId).param("id", id)
        .query(Boolean.class).optional()).orElse(false);
  }

  /** Changes the flag only if it differs, so the answer is the before-state a rollback needs. */
  private boolean setFrozen(String tenantId, String userId, boolean frozen) {
    return accountId(userId).map(id -> jdbc.sql("""
            UPDATE users SET frozen = :frozen WHERE tenant_id = :tenant AND id = :id AND frozen <> :frozen""")
        .param("frozen", frozen).param("tenant", tenantId).param("id", id)
        .update() == 1).orElse(false);
  }

  private static Optional<UUID> accountId(String userId) {
    try {
      return Optional.of(UUID.fromString(userId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The well-formed ids among {@code ids}, canonical; others name no session here. */
  private static List<String> uuids(Collection<String> ids) {
    return ids.stream().map(SessionAccountControl::accountId).flatMap(Optional::stream).map(UUID::toString)
        .toList();
  }
}
