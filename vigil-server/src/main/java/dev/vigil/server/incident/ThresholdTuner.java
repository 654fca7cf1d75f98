package dev.vigil.server.incident;

import dev.vigil.core.signal.SignalType;
import dev.vigil.server.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adaptive thresholds: each false-positive verdict raises, for the tenant, the incident threshold of every
 * non-campaign signal type the incident carried by {@code vigil.incident.tuning-step}, up to
 * {@code tuning-max} — so a signal that keeps crying wolf needs a higher score before it opens an incident.
 * Every step is a row of {@code threshold_tunings} (V53) and audited; a step can be reverted while it is the
 * latest change of its signal type.
 *
 * <p>What this tunes is the server's incident opening. Tuning the engine's own per-signal weights or detector
 * parameters at runtime needs a core change (see docs/incidents.md, "Core change needed").
 */
@Component
final class ThresholdTuner {
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AuditLog audit;
  private final IncidentSettings settings;
  private final Clock clock;

  ThresholdTuner(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, IncidentSettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  /** A recorded tuning step. */
  record Tuning(long id, String signalType, int oldValue, int newValue, @Nullable String incidentId, String reason,
      Instant createdAt, @Nullable Instant revertedAt) {}

  /** The tenant's tuned thresholds (types without an entry use the tenant's incident threshold). */
  Map<SignalType, Integer> thresholds(String tenantId) {
    Map<SignalType, Integer> tuned = new EnumMap<>(SignalType.class);
    jdbc.sql("SELECT signal_type, incident_at FROM signal_thresholds WHERE tenant_id = :tenant")
        .param("tenant", tenantId)
        .query((rs, n) -> tuned.put(SignalType.valueOf(rs.getString(1)), rs.getInt(2)))
        .list();
    return tuned;
  }

  /** Raises the thresholds of the signal types, in the caller's transaction; returns the steps taken. */
  List<Tuning> raise(String tenantId, Collection<SignalType> types, String incidentId, int baseThreshold,
      String actor) {
    List<Tuning> steps = new ArrayList<>();
    Instant now = clock.instant();
    for (SignalType type : types.stream().distinct().sorted().toList()) {
      if (IncidentRules.CAMPAIGNS.contains(type)) {
        continue; // campaigns open incidents whatever the score; their detectors' parameters are core settings
      }
      int current = current(tenantId, type, baseThreshold, true);
      int next = Math.min(current + settings.tuningStep(), Math.max(settings.tuningMax(), baseThreshold));
      if (next <= current) {
        continue;
      }
      set(tenantId, type, next);
      String reason = "false positive of incident " + incidentId;
      long id = jdbc.sql("""
              INSERT INTO threshold_tunings (tenant_id, signal_type, old_value, new_value, incident_id, reason,
                                             created_at)
              VALUES (:tenant, :type, :old, :new, :incident, :reason, :now) RETURNING id""")
          .param("tenant", tenantId).param("type", type.name()).param("old", current).param("new", next)
          .param("incident", UUID.fromString(incidentId)).param("reason", reason)
          .param("now", Timestamp.from(now))
          .query(Long.class).single();
      steps.add(new Tuning(id, type.name(), current, next, incidentId, reason, now, null));
      audit.append(tenantId, actor, "tuning.raise", "signal:" + type.label(),
          Map.of("tuningId", Long.toString(id), "from", Integer.toString(current), "to", Integer.toString(next),
              "incidentId", incidentId));
    }
    return steps;
  }

  /**
   * Reverts one step: its signal type's threshold goes back to the step's old value.
   *
   * @throws IncidentNotFoundException when the tenant has no such step
   * @throws IncidentConflictException when it was reverted already, or a later step changed the same type
   */
  Tuning revert(String tenantId, long tuningId, String actor) {
    return transactions.execute(status -> {
      Tuning step = jdbc.sql("""
              SELECT * FROM threshold_tunings WHERE tenant_id = :tenant AND id = :id FOR UPDATE""")
          .param("tenant", tenantId).param("id", tuningId)
          .query((rs, n) -> tuning(rs))
          .optional()
          .orElseThrow(() -> new IncidentNotFoundException("tuning step " + tuningId));
      if (step.revertedAt() != null) {
        throw new IncidentConflictException("tuning step " + tuningId + " was reverted already");
      }
      SignalType type = SignalType.valueOf(step.signalType());
      int current = current(tenantId, type, step.oldValue(), true);
      if (current != step.newValue()) {
        throw new IncidentConflictException("the " + type.label() + " threshold is " + current
            + " after a later step; revert that step first");
      }
      set(tenantId, type, step.oldValue());
      Instant now = clock.instant();
      jdbc.sql("UPDATE threshold_tunings SET reverted_at = :now WHERE id = :id")
          .param("now", Timestamp.from(now)).param("id", tuningId).update();
      audit.append(tenantId, actor, "tuning.revert", "signal:" + type.label(),
          Map.of("tuningId", Long.toString(tuningId), "to", Integer.toString(step.oldValue())));
      return new Tuning(step.id(), type.name(), step.oldValue(), step.newValue(), step.incidentId(), step.reason(),
          step.createdAt(), now);
    });
  }

  List<Tuning> list(String tenantId) {
    return jdbc.sql("SELECT * FROM threshold_tunings WHERE tenant_id = :tenant ORDER BY id DESC LIMIT 500")
        .param("tenant", tenantId).query((rs, n) -> tuning(rs)).list();
  }

  private int current(String tenantId, SignalType type, int fallback, boolean lock) {
    Optional<Integer> value = jdbc.sql("SELECT incident_at FROM signal_thresholds WHERE tenant_id = :tenant "
            + "AND signal_type = :type" + (lock ? " FOR UPDATE" : ""))
        .param("tenant", tenantId).param("type", type.name()).query(Integer.class).optional();
    return value.orElse(fallback);
  }

  private void set(String tenantId, SignalType type, int value) {
    jdbc.sql("""
            INSERT INTO signal_thresholds (tenant_id, signal_type, incident_at) VALUES (:tenant, :type, :value)
            ON CONFLICT (tenant_id, signal_type) DO UPDATE SET incident_at = EXCLUDED.incident_at""")
        .param("tenant", tenantId).param("type", type.name()).param("value", value).update();
  }

  private static Tuning tuning(java.sql.ResultSet rs) throws java.sql.SQLException {
    Timestamp reverted = rs.getTimestamp("reverted_at");
    return new Tuning(rs.getLong("id"), rs.getString("signal_type"), rs.getInt("old_value"), rs.getInt("new_value"),
        rs.getString("incident_id"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant(),
        reverted == null ? null : reverted.toInstant());
  }
}
