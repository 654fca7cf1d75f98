package dev.vigil.server.incident;

import dev.vigil.server.notify.EscalationSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * High and critical incidents nobody acknowledged in time page PagerDuty through the notifications' escalation
 * ({@code vigil.notify.escalation.after}); the page is resolved once an analyst has acknowledged the incident or
 * given a verdict. An incident whose playbook already paged ({@code PAGE} done) does not page a second time.
 */
@Component
final class IncidentEscalationSource implements EscalationSource {
  private static final int LIMIT = 500;

  private final JdbcClient jdbc;

  IncidentEscalationSource(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String kind() {
    return "incident";
  }

  @Override
  public List<Subject> overdue(Instant createdBefore, Instant createdAfter) {
    return jdbc.sql("""
            SELECT i.id::text AS id, i.tenant_id, i.severity, i.subject_kind, i.subject_id FROM incidents i
             WHERE i.status = 'OPEN' AND i.severity IN ('high', 'critical')
               AND i.opened_at <= :before AND i.opened_at > :after
               AND NOT EXISTS (SELECT 1 FROM notification_escalations e
                                WHERE e.subject_kind = 'incident' AND e.subject_id = i.id::text)
               AND NOT EXISTS (SELECT 1 FROM incident_actions a
                                WHERE a.incident_id = i.id AND a.action = 'PAGE' AND a.status = 'DONE')
             ORDER BY i.opened_at LIMIT :limit""")
        .param("before", Timestamp.from(createdBefore))
        .param("after", Timestamp.from(createdAfter))
        .param("limit", LIMIT)
        .query((rs, n) -> new Subject(rs.getString("id"), rs.getString("tenant_id"),
            rs.getString("severity").equals("critical") ? "critical" : "error",
            "Unacknowledged " + rs.getString("severity") + " incident about " + rs.getString("subject_kind") + ":"
                + rs.getString("subject_id") + ", incident " + rs.getString("id")))
        .list();
  }

  @Override
  public List<Subject> acknowledgedSinceEscalation() {
    return jdbc.sql("""
            SELECT i.id::text AS id, i.tenant_id FROM notification_escalations e
              JOIN incidents i ON i.id::text = e.subject_id
             WHERE e.subject_kind = 'incident' AND e.resolved_at IS NULL AND i.status <> 'OPEN'
             ORDER BY i.opened_at LIMIT :limit""")
        .param("limit", LIMIT)
        .query((rs, n) -> new Subject(rs.getString("id"), rs.getString("tenant_id"), "info", "acknowledged"))
        .list();
  }
}
