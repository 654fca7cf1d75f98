package dev.vigil.server.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tenant's users and open sessions for the console's list pages, searched by prefix and paginated.
 *
 * <p>Users are the login service's accounts and every user id the engine has stored a login of (applications
 * that only call the engine API have users without accounts). A search matches the beginning of the user id or
 * of the account's email, ignoring case; {@code %} and {@code _} in it are literal. Every query is bound to the
 * caller's tenant.
 */
@Component
final class Directory {
  private static final String KNOWN_USERS = """
      WITH known AS (
          SELECT id::text AS user_id FROM users WHERE tenant_id = :tenant
          UNION
          SELECT DISTINCT user_id FROM login_events WHERE tenant_id = :tenant)
      """;
  private static final String USER_MATCH = """
        FROM known k LEFT JOIN users u ON u.tenant_id = :tenant AND u.id::text = k.user_id
       WHERE (:pattern = '%' OR k.user_id ILIKE :pattern ESCAPE '\\' OR u.email ILIKE :pattern ESCAPE '\\')
      """;
  private static final String SESSION_MATCH = """
        FROM sessions s JOIN users u ON u.id = s.user_id AND u.tenant_id = s.tenant_id
        LEFT JOIN login_events e ON e.tenant_id = s.tenant_id AND e.event_id = s.login_event_id
       WHERE s.tenant_id = :tenant AND s.ended_at IS NULL AND s.expires_at > :now
         AND (:pattern = '%' OR s.user_id::text ILIKE :pattern ESCAPE '\\' OR u.email ILIKE :pattern ESCAPE '\\')
      """;

  private final JdbcClient jdbc;

  Directory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  DirectoryPage<UserRow> users(String tenantId, @Nullable String search, int page, int size) {
    String pattern = prefixPattern(search);
    List<UserRow> rows = jdbc.sql(KNOWN_USERS + """
            SELECT k.user_id, u.email, u.role, u.frozen,
                   (SELECT max(e.occurred_at) FROM login_events e
                     WHERE e.tenant_id = :tenant AND e.user_id = k.user_id) AS last_login
            """ + USER_MATCH + """
             ORDER BY last_login DESC NULLS LAST, k.user_id LIMIT :size OFFSET :offset""")
        .param("tenant", tenantId).param("pattern", pattern).param("size", size).param("offset", (long) page * size)
        .query((rs, n) -> {
          Timestamp last = rs.getTimestamp("last_login");
          String role = rs.getString("role");
          return new UserRow(rs.getString("user_id"), rs.getString("email"), role,
              role == null ? null : rs.getBoolean("frozen"), last == null ? null : last.toInstant());
        })
        .list();
    long total = jdbc.sql(KNOWN_USERS + "SELECT count(*)" + USER_MATCH)
        .param("tenant", tenantId).param("pattern", pattern).query(Long.class).single();
    return new DirectoryPage<>(rows, page, size, total);
  }

  DirectoryPage<SessionRow> sessions(String tenantId, @Nullable String search, int page, int size, Instant now) {
    String pattern = prefixPattern(search);
    List<SessionRow> rows = jdbc.sql("""
            SELECT s.id, s.user_id, u.email, s.created_at, s.expires_at, e.ip_masked, e.user_agent_display
            """ + SESSION_MATCH + """
             ORDER BY s.created_at DESC, s.id LIMIT :size OFFSET :offset""")
        .param("tenant", tenantId).param("pattern", pattern).param("now", Timestamp.from(now))
        .param("size", size).param("offset", (long) page * size)
        .query((rs, n) -> new SessionRow(rs.getString("id"), rs.getString("user_id"), rs.getString("email"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
            rs.getString("ip_masked"), rs.getString("user_agent_display")))
        .list();
    long total = jdbc.sql("SELECT count(*)" + SESSION_MATCH)
        .param("tenant", tenantId).param("pattern", pattern).param("now", Timestamp.from(now))
        .query(Long.class).single();
    return new DirectoryPage<>(rows, page, size, total);
  }

  /** {@code search%} with LIKE's wildcards escaped; {@code %} (everything) for no search. */
  static String prefixPattern(@Nullable String search) {
    if (search == null || search.isBlank()) {
      return "%";
    }
    return search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /**
   * A user of the tenant: the login-service account's email, role and state when there is one.
   *
   * @param lastLogin the newest stored login, by event time
   */
  record UserRow(String userId, @Nullable String email, @Nullable String role, @Nullable Boolean frozen,
      @Nullable Instant lastLogin) {}

  /** An open session with its account and where it started (masked). */
  record SessionRow(String id, String userId, String email, Instant createdAt, Instant expiresAt,
      @Nullable String ipMasked, @Nullable String userAgent) {}
}
