package dev.vigil.server.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a user's open sessions: the one query behind the user's own list ({@code GET /auth/sessions}) and the
 * analysts' user view, so both show the same sessions the same way.
 */
@Component
public final class OpenSessions {
  /** At most this many of a user's open sessions are listed (newest first). */
  static final int MAX_LISTED = 50;

  private final JdbcClient jdbc;

  OpenSessions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A user's open sessions at {@code now}, newest first, at most {@value #MAX_LISTED}. */
  public List<OpenSession> of(String tenantId, UUID userId, Instant now) {
    return jdbc.sql("""
            SELECT s.id, s.created_at, s.expires_at, e.ip_masked, e.user_agent_display
              FROM sessions s
              LEFT JOIN login_events e ON e.tenant_id = s.tenant_id AND e.event_id = s.login_event_id
             WHERE s.tenant_id = :tenant AND s.user_id = :user AND s.ended_at IS NULL AND s.expires_at > :now
             ORDER BY s.created_at DESC LIMIT :limit""")
        .param("tenant", tenantId).param("user", userId).param("now", Timestamp.from(now))
        .param("limit", MAX_LISTED)
        .query((rs, n) -> new OpenSession(UUID.fromString(rs.getString("id")),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
            rs.getString("ip_masked"), rs.getString("user_agent_display")))
        .list();
  }

  /**
   * One open session: when it started, when it expires unless refreshed, and where it was opened — the masked
   * address and the browser's display form, never raw values.
   */
  public record OpenSession(UUID id, Instant startedAt, Instant expiresAt, @Nullable String ipMasked,
      @Nullable String device) {}
}
