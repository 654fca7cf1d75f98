package dev.vigil.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.VigilEngine;
import dev.vigil.core.event.FailureReason;
import dev.vigil.core.event.IpAddress;
import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.event.LoginEventWriter;
import dev.vigil.core.event.Outcome;
import dev.vigil.core.policy.Assessment;
import dev.vigil.core.policy.AssessmentJson;
import dev.vigil.core.signal.SignalType;
import dev.vigil.server.ServerTest;
import dev.vigil.server.alert.AlertRules;
import dev.vigil.server.audit.AuditVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A password spray's attempts stored in one group commit ({@link LoginStore#append}, the writer's transaction):
 * every attempt raises an alert, and incident correlation — which runs inside that commit — must open or join the
 * same incident, attach every login once and plan the same actions as when the attempts are stored one commit at
 * a time, while a failure in one alert's incident handling costs only that alert's incident handling.
 */
@ServerTest
final class CampaignCommitTests {
  private static final Instant START = Instant.parse("2026-11-02T03:00:00Z");
  private static final String SPRAYER = "203.0.113.7";
  private static final String SPRAYER_NETWORK = "203.0.113.0/24";
  /** Enough for the spray detector (10 users an hour) to fire on most of them. */
  private static final int ATTEMPTS = 150;

  @Autowired
  LoginStore store;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  AuditVerifier auditVerifier;

  @Test
  void aSprayStoredInOneCommitOpensOneIncidentWithEveryAlertingAttemptAttachedOnce() {
    String tenant = newTenant();
    List<PendingWrite> spray = spray(tenant);
    List<String> alerting = alertingEventIds(spray);
    assertThat(alerting).as("the spray detector fired on most attempts").hasSizeGreaterThan(ATTEMPTS / 2);

    store.append(spray);

    assertThat(count("SELECT count(DISTINCT xmin::text) FROM login_events WHERE tenant_id = ?", tenant))
        .as("one group commit").isEqualTo(1);
    assertThat(count("SELECT count(*) FROM login_events WHERE tenant_id = ?", tenant)).isEqualTo(ATTEMPTS);
    assertThat(count("SELECT count(*) FROM security_alerts WHERE tenant_id = ?", tenant))
        .isEqualTo(alerting.size());
    List<Map<String, Object>> incidents = jdbc.sql("""
            SELECT subject_kind, subject_id, status, origin, version FROM incidents WHERE tenant_id = ?""")
        .param(tenant).query().listOfRows();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.getFirst()).containsEntry("subject_kind", "network")
        .containsEntry("subject_id", SPRAYER_NETWORK).containsEntry("status", "OPEN")
        .containsEntry("origin", "detected")
        .as("the version moved on once per attached login, as when each was upserted alone")
        .containsEntry("version", alerting.size() - 1);
    assertThat(attachedEventIds(tenant)).containsExactlyElementsOf(alerting);
    assertThat(jdbc.sql("""
            SELECT t.kind FROM incident_timeline t JOIN incidents i ON i.id = t.incident_id
             WHERE i.tenant_id = ? ORDER BY t.id""").param(tenant).query(String.class).list())
        .as("the first alerting attempt opened it, the others joined").first().isEqualTo("opened");
    assertThat(auditVerifier.verify(tenant).intact()).isTrue();
    assertThat(auditOf(tenant)).hasSize(alerting.size());
  }

  @Test
  void oneCommitTwoCommitsOrOneCommitPerAttemptLeaveTheSameIncidentTimelineActionsAndAudit() {
    String oneByOne = newTenant();
    for (PendingWrite write : spray(oneByOne)) {
      store.append(List.of(write));
    }
    String together = newTenant();
    store.append(spray(together));
    String inTwo = newTenant();
    List<PendingWrite> halves = spray(inTwo);
    store.append(halves.subList(0, ATTEMPTS / 2));
    store.append(halves.subList(ATTEMPTS / 2, ATTEMPTS));

    assertThat(count("SELECT count(DISTINCT xmin::text) FROM login_events WHERE tenant_id = ?", oneByOne))
        .isEqualTo(ATTEMPTS);
    for (String tenant : List.of(together, inTwo)) {
      assertThat(incidentsOf(tenant)).isEqualTo(incidentsOf(oneByOne));
      assertThat(attachedLoginsOf(tenant)).isEqualTo(attachedLoginsOf(oneByOne));
      assertThat(timelineOf(tenant)).isEqualTo(timelineOf(oneByOne));
      assertThat(actionsOf(tenant)).isEqualTo(actionsOf(oneByOne));
      assertThat(auditOf(tenant)).isEqualTo(auditOf(oneByOne));
      assertThat(auditVerifier.verify(tenant).intact()).isTrue();
    }
    assertThat(actionsOf(together)).as("the spray plans actions at all").isNotEmpty();
  }

  @Test
  void anAttemptWhoseStoredAssessmentDoesNotParseLosesOnlyItsOwnIncidentHandling() {
    String tenant = newTenant();
    List<PendingWrite> spray = spray(tenant);
    List<String> alerting = alertingEventIds(spray);
    String broken = alerting.get(alerting.size() / 2);
    int index = indexOf(spray, broken);
    PendingWrite original = spray.get(index);
    spray.set(index, new PendingWrite(original.login(), original.assessment(), "{\"not\":\"an assessment\"}",
        original.answer()));

    store.append(spray);

    assertThat(count("SELECT count(*) FROM login_events WHERE tenant_id = ?", tenant)).isEqualTo(ATTEMPTS);
    assertThat(count("SELECT count(*) FROM security_alerts WHERE tenant_id = ?", tenant))
        .as("its alert is stored all the same").isEqualTo(alerting.size());
    List<String> others = new ArrayList<>(alerting);
    others.remove(broken);
    assertThat(attachedEventIds(tenant)).containsExactlyElementsOf(others);
    assertThat(count("SELECT count(*) FROM incidents WHERE tenant_id = ?", tenant)).isEqualTo(1);
  }

  @Test
  void anAttachmentTheDatabaseRefusesMidCommitLosesOnlyThatAttemptsIncidentHandling() {
    String tenant = newTenant();
    List<PendingWrite> spray = spray(tenant);
    List<String> alerting = alertingEventIds(spray);
    String refused = alerting.get(alerting.size() / 3);
    // A row the database refuses after the incident was opened and other logins were attached in the same
    // statement: the joint savepoint rolls back and every alert is considered again in its own savepoint.
    jdbc.sql("""
        CREATE OR REPLACE FUNCTION test_refuse_incident_event() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.tenant_id = '%s' AND NEW.event_id = '%s' THEN
            RAISE EXCEPTION 'refused by the test';
          END IF;
          RETURN NEW;
        END $$""".formatted(tenant, refused)).update();
    jdbc.sql("""
        CREATE TRIGGER test_refuse_incident_event_%s BEFORE INSERT ON incident_events
            FOR EACH ROW EXECUTE FUNCTION test_refuse_incident_event()""".formatted(suffix(tenant))).update();
    try {
      store.append(spray);
    } finally {
      jdbc.sql("DROP TRIGGER test_refuse_incident_event_%s ON incident_events".formatted(suffix(tenant))).update();
    }

    assertThat(count("SELECT count(*) FROM login_events WHERE tenant_id = ?", tenant)).isEqualTo(ATTEMPTS);
    assertThat(count("SELECT count(*) FROM security_alerts WHERE tenant_id = ?", tenant))
        .isEqualTo(alerting.size());
    List<String> others = new ArrayList<>(alerting);
    others.remove(refused);
    assertThat(attachedEventIds(tenant)).containsExactlyElementsOf(others);
    assertThat(count("SELECT count(*) FROM incidents WHERE tenant_id = ?", tenant)).isEqualTo(1);
    assertThat(count("""
            SELECT count(*) FROM incident_timeline t JOIN incidents i ON i.id = t.incident_id
             WHERE i.tenant_id = ?""", tenant)).as("no line for the refused login").isEqualTo(others.size());
    assertThat(auditOf(tenant)).hasSize(others.size());
    assertThat(auditVerifier.verify(tenant).intact()).isTrue();
  }

  // --- fixtures ---

  private static String newTenant() {
    return "t-" + UUID.randomUUID();
  }

  private static String suffix(String tenant) {
    return tenant.substring(2).replace("-", "");
  }

  /** One source failing once against each of {@link #ATTEMPTS} users, ten seconds apart, assessed in order. */
  private static List<PendingWrite> spray(String tenant) {
    VigilEngine engine = VigilEngine.builder().build();
    List<PendingWrite> writes = new ArrayList<>();
    for (int i = 0; i < ATTEMPTS; i++) {
      LoginEvent event = LoginEvent.of("spray-" + i, tenant, "user-" + i, START.plusSeconds(10L * i),
          Outcome.FAILURE, IpAddress.parse(SPRAYER)).withFailure(FailureReason.BAD_PASSWORD);
      Assessment assessment = engine.assess(event);
      StoredLogin login = new StoredLogin(event, "0".repeat(64), SPRAYER_NETWORK, "1".repeat(64), null, "NL",
          LoginEventWriter.toJson(event), event.timestamp().plusMillis(5));
      writes.add(new PendingWrite(login, assessment, AssessmentJson.toJson(assessment), new CompletableFuture<>()));
    }
    return writes;
  }

  /** The attempts that raise an alert carrying the spray signal, in order: the ones that join the incident. */
  private static List<String> alertingEventIds(List<PendingWrite> writes) {
    return writes.stream().map(PendingWrite::assessment)
        .filter(a -> AlertRules.alertFor(a).isPresent() && a.signalTypes().contains(SignalType.PASSWORD_SPRAY))
        .map(Assessment::eventId).toList();
  }

  private static int indexOf(List<PendingWrite> writes, String eventId) {
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i).login().event().eventId().equals(eventId)) {
        return i;
      }
    }
    throw new AssertionError("no write " + eventId);
  }

  private long count(String sql, String tenant) {
    return jdbc.sql(sql).param(tenant).query(Long.class).single();
  }

  private List<String> attachedEventIds(String tenant) {
    return jdbc.sql("SELECT event_id FROM incident_events WHERE tenant_id = ? ORDER BY occurred_at")
        .param(tenant).query(String.class).list();
  }

  private List<Map<String, Object>> incidentsOf(String tenant) {
    return jdbc.sql("""
            SELECT subject_kind, subject_id, status, severity, max_score, signal_types::text AS signals, origin, version
              FROM incidents WHERE tenant_id = ? ORDER BY subject_kind, subject_id""")
        .param(tenant).query().listOfRows();
  }

  private List<Map<String, Object>> attachedLoginsOf(String tenant) {
    return jdbc.sql("""
            SELECT i.subject_id, e.event_id, e.user_id, e.score, e.decision, e.signal_types::text AS signals,
                   e.occurred_at
              FROM incident_events e JOIN incidents i ON i.id = e.incident_id
             WHERE e.tenant_id = ? ORDER BY e.event_id""")
        .param(tenant).query().listOfRows();
  }

  private List<Map<String, Object>> timelineOf(String tenant) {
    return jdbc.sql("""
            SELECT t.actor, t.kind, t.detail FROM incident_timeline t JOIN incidents i ON i.id = t.incident_id
             WHERE i.tenant_id = ? ORDER BY t.id""")
        .param(tenant).query().listOfRows();
  }

  /** The planned actions, but their status, which the runner moves on after commit. */
  private List<Map<String, Object>> actionsOf(String tenant) {
    return jdbc.sql("""
            SELECT action, target_kind, CASE WHEN target_kind = 'incident' THEN '' ELSE target_id END AS target,
                   target_network, adapter, event_received_at
              FROM incident_actions WHERE tenant_id = ? ORDER BY id""")
        .param(tenant).query().listOfRows();
  }

  /** The tenant's incident audit entries in chain order (the actions carried out after commit add their own). */
  private List<Map<String, Object>> auditOf(String tenant) {
    return jdbc.sql("""
            SELECT actor, action, CAST(details AS jsonb) - 'traceId' AS details FROM audit_log
             WHERE tenant_id = ? AND action LIKE 'incident.%' ORDER BY seq""")
        .param(tenant).query().listOfRows();
  }
}
