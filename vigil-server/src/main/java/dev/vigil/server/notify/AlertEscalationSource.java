package dev.vigil.server.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** High and critical security alerts that nobody acknowledged in time. */
@Component
final class AlertEscalationSource implements EscalationSource {
  private static final int LIMIT = 500;

  private final JdbcClient jdbc;

  AlertEscalationSource(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String kind() {
    return "alert";
  }

  @Override
  public List<Subject> overdue(Instant createdBefore, Instant createdAfter) {
    return jdbc.sql("""
            SELECT a.id, a.tenant_id, a.severity, a.alert_type, a.user_id FROM security_alerts a
             WHERE a.severity IN ('high', 'critical') AND NOT a.acknowledged
               AND a.created_at <= :before AND a.created_at > :after
               AND NOT EXISTS (SELECT 1 FROM notification_escalations e
                                WHERE e.subject_kind = 'alert' AND e.subject_id = a.id::text)
             ORDER BY a.id LIMIT :limit""")
        .param("before", Timestamp.from(createdBefore))
        .param("after", Timestamp.from(createdAfter))
        .param("limit", LIMIT)
        .query((rs, n) -> new Subject(Long.toString(rs.getLong("id")), rs.getString("tenant_id"),
            rs.getString("severity").equals("critical") ? "critical" : "error",
            "Unacknowledged " + rs.getString("severity") + "-risk login (" + rs.getString("alert_type") + ") of "
                + rs.getString("user_id") + ", alert " + rs.getLong("id")))
        .list();
  }

  @Override
  public List<Subject> acknowledgedSinceEscalation() {
    return jdbc.sql("""
            SELECT a.id, a.tenant_id, a.severity FROM notification_escalations e
              JOIN security_alerts a ON a.id::text = e.subject_id
             WHERE e.subject_kind = 'alert' AND e.resolved_at IS NULL AND a.acknowledged
             ORDER BY a.id LIMIT :limit""")
        .param("limit", LIMIT)
        .query((rs, n) -> new Subject(Long.toString(rs.getLong("id")), rs.getString("tenant_id"), "info",
            "acknowledged"))
        .list();
  }
}
