package dev.vigil.server.alert;

import dev.vigil.core.policy.Assessment;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code security_alerts} table. Writes join the caller's transaction; reads are always scoped to one
 * tenant and user, so nobody can read or acknowledge someone else's alert by guessing an id.
 */
@Component
public final class AlertStore {
  private static final String COLUMNS = """
      id, tenant_id, user_id, event_id, alert_type, signal_types, severity, message, score, decision,
      acknowledged, occurred_at, created_at""";

  private final JdbcClient jdbc;
  private final List<NewAlertListener> listeners;

  AlertStore(JdbcClient jdbc, List<NewAlertListener> listeners) {
    this.jdbc = jdbc;
    this.listeners = List.copyOf(listeners);
  }

  /**
   * Stores the alert of an assessment, unless an alert with the same dedup key exists, and tells the listeners.
   * Must run inside the transaction that stores the assessment.
   *
   * @return the new alert; empty when the assessment raises none or it was a duplicate
   */
  public Optional<SecurityAlert> record(Assessment assessment, Instant now) {
    Optional<AlertRules.NewAlert> candidate = AlertRules.alertFor(assessment);
    if (candidate.isEmpty()) {
      return Optional.empty();
    }
    AlertRules.NewAlert alert = candidate.get();
    Optional<SecurityAlert> stored = jdbc.sql("""
            INSERT INTO security_alerts (tenant_id, user_id, event_id, alert_type, signal_types, severity, message,
                                         score, decision, occurred_at, created_at, dedup_key)
            VALUES (:tenant, :user, :event, :type, :signalTypes, :severity, :message, :score, :decision,
                    :occurredAt, :createdAt, :dedupKey)
            ON CONFLICT (tenant_id, user_id, dedup_key) DO NOTHING
            RETURNING\s""" + COLUMNS)
        .param("tenant", assessment.tenantId())
        .param("user", assessment.userId())
        .param("event", assessment.eventId())
        .param("type", alert.type())
        .param("signalTypes", alert.signalTypes().toArray(String[]::new))
        .param("severity", alert.severity())
        .param("message", alert.message())
        .param("score", assessment.score())
        .param("decision", assessment.decision().name())
        .param("occurredAt", Timestamp.from(assessment.timestamp()))
        .param("createdAt", Timestamp.from(now))
        .param("dedupKey", alert.dedupKey())
        .query(AlertStore::row)
        .optional();
    stored.ifPresent(created -> listeners.forEach(listener -> listener.onNewAlerts(List.of(created))));
    return stored;
  }

  /**
   * {@link #record} for many assessments with one statement: a batch of logins raises its alerts in one round
   * trip. Alerts sharing a dedup key (with each other or with a stored alert) are stored once, the first in list
   * order; listeners are told once, of all new alerts. Must run inside the transaction that stores the assessments.
   *
   * @return the new alert of each assessment, in list order; empty where it raised none or was a duplicate
   */
  public List<Optional<SecurityAlert>> recordAll(List<Assessment> assessments, Instant now) {
    List<Assessment> raising = new ArrayList<>();
    List<AlertRules.NewAlert> alerts = new ArrayList<>();
    for (Assessment assessment : assessments) {
      AlertRules.alertFor(assessment).ifPresent(alert -> {
        raising.add(assessment);
        alerts.add(alert);
      });
    }
    List<Optional<SecurityAlert>> result = new ArrayList<>(Collections.nCopies(assessments.size(),
        Optional.empty()));
    if (raising.isEmpty()) {
      return result;
    }
    int n = raising.size();
    String[] tenant = new String[n];
    String[] user = new String[n];
    String[] event = new String[n];
    String[] type = new String[n];
    String[] signalTypes = new String[n];
    String[] severity = new String[n];
    String[] message = new String[n];
    int[] score = new int[n];
    String[] decision = new String[n];
    String[] occurredAt = new String[n];
    String[] dedupKey = new String[n];
    for (int i = 0; i < n; i++) {
      Assessment assessment = raising.get(i);
      AlertRules.NewAlert alert = alerts.get(i);
      tenant[i] = assessment.tenantId();
      user[i] = assessment.userId();
      event[i] = assessment.eventId();
      type[i] = alert.type();
      // lower-case identifiers ([a-z_]), so joining with a comma and splitting in SQL is exact
      signalTypes[i] = String.join(",", alert.signalTypes());
      severity[i] = alert.severity();
      message[i] = alert.message();
      score[i] = assessment.score();
      decision[i] = assessment.decision().name();
      occurredAt[i] = assessment.timestamp().toString();
      dedupKey[i] = alert.dedupKey();
    }
    List<SecurityAlert> stored = jdbc.sql("""
            INSERT INTO security_alerts (tenant_id, user_id, event_id, alert_type, signal_types, severity, message,
                                         score, decision, occurred_at, created_at, dedup_key)
            SELECT t, u, e, ty, string_to_array(st, ','), sv, m, sc, d, CAST(o AS timestamptz), :createdAt, k
              FROM unnest(CAST(:tenant AS text[]), CAST(:user AS text[]), CAST(:event AS text[]),
                          CAST(:type AS text[]), CAST(:signalTypes AS text[]), CAST(:severity AS text[]),
                          CAST(:message AS text[]), CAST(:score AS int[]), CAST(:decision AS text[]),
                          CAST(:occurredAt AS text[]), CAST(:dedupKey AS text[]))
                   WITH ORDINALITY AS r(t, u, e, ty, st, sv, m, sc, d, o, k, n)
             ORDER BY n
            ON CONFLICT (tenant_id, user_id, dedup_key) DO NOTHING
            RETURNING\s""" + COLUMNS)
        .param("createdAt", Timestamp.from(now))
        .param("tenant", tenant)
        .param("user", user)
        .param("event", event)
        .param("type", type)
        .param("signalTypes", signalTypes)
        .param("severity", severity)
        .param("message", message)
        .param("score", score)
        .param("decision", decision)
        .param("occurredAt", occurredAt)
        .param("dedupKey", dedupKey)
        .query(AlertStore::row)
        .list();
    if (stored.isEmpty()) {
      return result;
    }
    Map<String, SecurityAlert> byEvent = new HashMap<>();
    stored.forEach(alert -> byEvent.put(alert.tenantId() + '\u0000' + alert.eventId(), alert));
    for (int i = 0; i < assessments.size(); i++) {
      Assessment assessment = assessments.get(i);
      SecurityAlert alert = byEvent.get(assessment.tenantId() + '\u0000' + assessment.eventId());
      if (alert != null) {
        result.set(i, Optional.of(alert));
      }
    }
    listeners.forEach(listener -> listener.onNewAlerts(stored));
    return result;
  }

  /** The user's alerts, newest first. */
  public List<SecurityAlert> forUser(String tenantId, String userId, boolean unreadOnly, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM security_alerts
            WHERE tenant_id = :tenant AND user_id = :user AND (NOT :unreadOnly OR NOT acknowledged)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
        .param("tenant", tenantId)
        .param("user", userId)
        .param("unreadOnly", unreadOnly)
        .param("limit", limit)
        .query(AlertStore::row)
        .list();
  }

  public long unreadCount(String tenantId, String userId) {
    return jdbc.sql("""
            SELECT count(*) FROM security_alerts
             WHERE tenant_id = :tenant AND user_id = :user AND NOT acknowledged""")
        .param("tenant", tenantId)
        .param("user", userId)
        .query(Long.class)
        .single();
  }

  /**
   * Marks the user's own alert read.
   *
   * @return the alert; empty when this user has no alert with that id (someone else's id included)
   */
  public Optional<SecurityAlert> acknowledge(String tenantId, String userId, long alertId, Instant now) {
    return jdbc.sql("""
            UPDATE security_alerts
               SET acknowledged = true, acknowledged_at = COALESCE(acknowledged_at, :now)
             WHERE id = :id AND tenant_id = :tenant AND user_id = :user
            RETURNING\s""" + COLUMNS)
        .param("now", Timestamp.from(now))
        .param("id", alertId)
        .param("tenant", tenantId)
        .param("user", userId)
        .query(AlertStore::row)
        .optional();
  }

  /**
   * Marks the alerts of these logins read and resolved, whoever they belong to in the tenant — an incident rolled
   * back as a false positive resolves the alerts its logins raised.
   *
   * @return how many alerts changed
   */
  public int resolveForEvents(String tenantId, Collection<String> eventIds, Instant now) {
    if (eventIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql("""
            UPDATE security_alerts SET acknowledged = true, acknowledged_at = COALESCE(acknowledged_at, :now)
             WHERE tenant_id = :tenant AND event_id = ANY(:events) AND NOT acknowledged""")
        .param("now", Timestamp.from(now))
        .param("tenant", tenantId)
        .param("events", eventIds.toArray(String[]::new))
        .update();
  }

  private static SecurityAlert row(ResultSet rs, int rowNum) throws SQLException {
    Array types = rs.getArray("signal_types");
    List<String> signalTypes = List.of((String[]) types.getArray());
    return new SecurityAlert(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("user_id"),
        rs.getString("event_id"), rs.getString("alert_type"), signalTypes, rs.getString("severity"),
        rs.getString("message"), rs.getInt("score"), rs.getString("decision"), rs.getBoolean("acknowledged"),
        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("created_at").toInstant());
  }
}
