package dev.vigil.server.dashboard;

import dev.vigil.server.incident.IncidentNotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notifications sent about one incident, for its timeline ({@code GET /internal/incidents/{id}/notifications}),
 * read from the notification outbox: the alerts raised for the incident's logins (team and "was this you?" messages,
 * and digests holding them), the incident's pages and their resolution (incident response's {@code PAGE} and the
 * escalation of an unacknowledged incident), and the outbound security events naming it. What each says is left
 * out: only when, which channel, what kind, and whether it was delivered.
 *
 * <p>The outbox rows of the tenant are read from the incident's opening on (index V72), so the look-up stays
 * bounded however long the outbox grows.
 */
@Component
final class NotificationTrail {
  private static final int MAX = 200;

  private final JdbcClient jdbc;

  NotificationTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @throws IncidentNotFoundException when the tenant has no such incident (another tenant's included) */
  List<Sent> of(String tenantId, String incidentId) {
    UUID id = parse(incidentId);
    Instant opened = jdbc.sql("SELECT opened_at FROM incidents WHERE id = :id AND tenant_id = :tenant")
        .param("id", id).param("tenant", tenantId)
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .optional()
        .orElseThrow(() -> new IncidentNotFoundException("incident " + incidentId));
    // Alerts are written with the login, which may precede the incident's opening by the time the intake took.
    Instant since = opened.minusSeconds(300);
    return jdbc.sql("""
            WITH logins AS (SELECT event_id FROM incident_events WHERE tenant_id = :tenant AND incident_id = :id)
            SELECT o.id, o.created_at, o.channel, o.kind, o.status, o.attempts, o.delivered_at
              FROM notification_outbox o
             WHERE o.tenant_id = :tenant AND o.created_at >= :since
               AND (o.payload->'alert'->>'eventId' IN (SELECT event_id FROM logins)
                    OR EXISTS (SELECT 1 FROM jsonb_array_elements(
                                   CASE WHEN jsonb_typeof(o.payload->'alerts') = 'array'
                                        THEN o.payload->'alerts' ELSE '[]'::jsonb END) x
                                WHERE x->>'eventId' IN (SELECT event_id FROM logins))
                    OR o.payload->>'dedupKey' IN (:key, 'vigil-incident-' || :tenant || '-' || :key)
                    OR (o.kind = 'security_event'
                        AND o.payload->>'cloudEvent' LIKE '%' || :key || '%'))
             ORDER BY o.created_at, o.id LIMIT :max""")
        .param("tenant", tenantId).param("id", id).param("key", id.toString())
        .param("since", Timestamp.from(since)).param("max", MAX)
        .query((rs, n) -> {
          Timestamp delivered = rs.getTimestamp("delivered_at");
          return new Sent(rs.getTimestamp("created_at").toInstant(), rs.getString("channel"), rs.getString("kind"),
              rs.getString("status"), rs.getInt("attempts"), delivered == null ? null : delivered.toInstant());
        })
        .list();
  }

  private static UUID parse(String incidentId) {
    try {
      return UUID.fromString(incidentId);
    } catch (IllegalArgumentException e) {
      throw new IncidentNotFoundException("incident " + incidentId);
    }
  }

  /**
   * One message: queued at {@code at} for {@code channel} (email, slack, webhook, pagerduty), of {@code kind}
   * (alert, login_check, digest, page, security_event …), now {@code status} (pending, delivered, dead, skipped).
   */
  record Sent(Instant at, String channel, String kind, String status, int attempts, @Nullable Instant deliveredAt) {}
}
