package dev.vigil.server.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code totp_credentials} table (migration V32): one secret per user, pending until activated. */
@Component
final class TotpStore {
  /** A stored secret; {@code lastStep} is -1 before any code was accepted. */
  record Credential(byte[] secret, boolean active, long lastStep) {
    @Override
    public String toString() {
      return "Credential[secret=redacted, active=" + active + "]";
    }
  }

  private final JdbcClient jdbc;

  TotpStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Credential> find(UUID userId) {
    return jdbc.sql("SELECT secret, activated_at, last_step FROM totp_credentials WHERE user_id = :user")
        .param("user", userId)
        .query((rs, n) -> {
          long last = rs.getLong("last_step");
          boolean never = rs.wasNull();
          return new Credential(rs.getBytes("secret"), rs.getTimestamp("activated_at") != null,
              never ? -1 : last);
        })
        .optional();
  }

  /** Stores a pending secret, replacing an earlier pending one; never replaces an active one. */
  boolean savePending(UUID userId, byte[] secret, Instant now) {
    return jdbc.sql("""
            INSERT INTO totp_credentials (user_id, secret, created_at) VALUES (:user, :secret, :now)
            ON CONFLICT (user_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = EXCLUDED.created_at,
                                                last_step = NULL
             WHERE totp_credentials.activated_at IS NULL""")
        .param("user", userId)
        .param("secret", secret)
        .param("now", Timestamp.from(now))
        .update() == 1;
  }

  void activate(UUID userId, long step, Instant now) {
    jdbc.sql("UPDATE totp_credentials SET activated_at = :now, last_step = :step WHERE user_id = :user")
        .param("now", Timestamp.from(now))
        .param("step", step)
        .param("user", userId)
        .update();
  }

  /**
   * Records an accepted code's step, only if it is later than the last one: false when a concurrent request
   * used the same code first.
   */
  boolean markUsed(UUID userId, long step) {
    return jdbc.sql("""
            UPDATE totp_credentials SET last_step = :step
             WHERE user_id = :user AND (last_step IS NULL OR last_step < :step)""")
        .param("step", step)
        .param("user", userId)
        .update() == 1;
  }
}
