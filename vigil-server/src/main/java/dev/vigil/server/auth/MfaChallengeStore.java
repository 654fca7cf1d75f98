package dev.vigil.server.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code mfa_challenges} table (migration V32): challenged logins waiting for a TOTP code. */
@Component
final class MfaChallengeStore {
  /**
   * A challenge that may still be answered.
   *
   * @param id the challenge's selector
   * @param tenantId the user's tenant
   * @param userId the user whose password was right
   * @param loginEventId the challenged login, confirmed to the engine when the code is right
   * @param networkKey the network the login came from, trusted after a passed challenge
   * @param deviceHash the device id's hash, if one was sent
   */
  record Pending(UUID id, String tenantId, UUID userId, String loginEventId, long networkKey,
      @Nullable String deviceHash) {}

  private final JdbcClient jdbc;

  MfaChallengeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void create(OpaqueToken token, Pending challenge, Instant now, Instant expires) {
    jdbc.sql("""
            INSERT INTO mfa_challenges (id, verifier_hash, tenant_id, user_id, login_event_id, network_key,
                                        device_hash, created_at, expires_at)
            VALUES (:id, :hash, :tenant, :user, :event, :network, :device, :now, :expires)""")
        .param("id", token.id())
        .param("hash", token.verifierHash())
        .param("tenant", challenge.tenantId())
        .param("user", challenge.userId())
        .param("event", challenge.loginEventId())
        .param("network", challenge.networkKey())
        .param("device", challenge.deviceHash())
        .param("now", Timestamp.from(now))
        .param("expires", Timestamp.from(expires))
        .update();
  }

  /** The challenge behind a presented id, if the verifier matches and it is unexpired, unused and not used up. */
  Optional<Pending> open(OpaqueToken presented, Instant now, int maxAttempts) {
    return jdbc.sql("""
            SELECT id, verifier_hash, tenant_id, user_id, login_event_id, network_key, device_hash
              FROM mfa_challenges
             WHERE id = :id AND completed_at IS NULL AND expires_at > :now AND attempts < :max""")
        .param("id", presented.id())
        .param("now", Timestamp.from(now))
        .param("max", maxAttempts)
        .query((rs, n) -> new Row(rs.getBytes("verifier_hash"), new Pending(rs.getObject("id", UUID.class),
            rs.getString("tenant_id"), rs.getObject("user_id", UUID.class), rs.getString("login_event_id"),
            rs.getLong("network_key"), rs.getString("device_hash"))))
        .optional()
        .filter(row -> presented.matches(row.verifierHash()))
        .map(Row::pending);
  }

  private record Row(byte[] verifierHash, Pending pending) {}

  void recordFailedAttempt(UUID id) {
    jdbc.sql("UPDATE mfa_challenges SET attempts = attempts + 1 WHERE id = :id").param("id", id).update();
  }

  /** Marks it answered; false when a concurrent request answered it first. */
  boolean complete(UUID id, Instant now) {
    return jdbc.sql("UPDATE mfa_challenges SET completed_at = :now WHERE id = :id AND completed_at IS NULL")
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update() == 1;
  }
}
