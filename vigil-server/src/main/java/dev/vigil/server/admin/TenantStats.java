package dev.vigil.server.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Counts one tenant's accounts, logins, flagged logins and open sessions in one round trip. */
@Component
final class TenantStats {
  private final JdbcClient jdbc;
  private final Clock clock;

  TenantStats(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Stats of(String tenantId) {
    return jdbc.sql("""
            SELECT (SELECT count(*) FROM users WHERE tenant_id = :tenant) AS users,
                   (SELECT count(*) FROM login_events WHERE tenant_id = :tenant) AS logins,
                   (SELECT count(*) FROM login_events WHERE tenant_id = :tenant AND outcome = 'SUCCESS') AS successes,
                   (SELECT count(*) FROM assessments WHERE tenant_id = :tenant AND decision <> 'ALLOW') AS flagged,
                   (SELECT count(*) FROM sessions
                     WHERE tenant_id = :tenant AND ended_at IS NULL AND expires_at > :now) AS sessions""")
        .param("tenant", tenantId)
        .param("now", Timestamp.from(clock.instant()))
        .query((rs, n) -> new Stats(tenantId, rs.getLong("users"), rs.getLong("logins"), rs.getLong("successes"),
            rs.getLong("flagged"), rs.getLong("sessions")))
        .single();
  }

  /**
   * @param tenantId the tenant counted
   * @param totalUsers accounts of the built-in login service
   * @param totalLogins login attempts recorded from every source (login service and engine API), failures included
   * @param successfulLogins of which succeeded
   * @param flaggedEvents attempts the engine challenged or denied
   * @param activeSessions login-service sessions neither ended nor expired
   */
  record Stats(
      @JsonProperty("tenant_id") String tenantId,
      @JsonProperty("total_users") long totalUsers,
      @JsonProperty("total_logins") long totalLogins,
      @JsonProperty("successful_logins") long successfulLogins,
      @JsonProperty("flagged_events") long flaggedEvents,
      @JsonProperty("active_sessions") long activeSessions) {}
}
