package dev.vigil.server.engine;

import dev.vigil.core.event.LoginEvent;
import dev.vigil.core.policy.Assessment;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code login_events} and {@code assessments} tables (migrations V1, V2). An assessment is kept as the exact
 * JSON first returned, so a repeated eventId gets byte-for-byte the same answer.
 *
 * <p>A {@code @Component}, not a {@code @Repository}: the latter would proxy this final class for exception
 * translation, which {@link JdbcClient} already does.
 */
@Component
final class LoginStore {
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  LoginStore(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  Optional<String> findAssessment(String tenantId, String eventId) {
    return jdbc.sql("""
            SELECT assessment::text FROM assessments WHERE tenant_id = :tenant AND event_id = :event
            """)
        .param("tenant", tenantId)
        .param("event", eventId)
        .query(String.class)
        .optional();
  }

  /**
   * Writes the event and its assessment, then runs {@code alongside} (the alert), all in one transaction.
   *
   * @return what {@code alongside} returned
   */
  <T> T save(StoredLogin login, Assessment assessment, String assessmentJson, Supplier<T> alongside) {
    LoginEvent event = login.event();
    return transactions.execute(status -> {
      jdbc.sql("""
              INSERT INTO login_events (tenant_id, event_id, user_id, occurred_at, outcome, failure_reason,
                                        ip_hmac, ip_masked, user_agent_display, device_present, auth_method,
                                        received_at, raw_event)
              VALUES (:tenant, :event, :user, :occurredAt, :outcome, :failureReason,
                      :ipHmac, :ipMasked, :userAgent, :devicePresent, :authMethod, :receivedAt, :rawEvent)
              """)
          .param("tenant", event.tenantId())
          .param("event", event.eventId())
          .param("user", event.userId())
          .param("occurredAt", Timestamp.from(event.timestamp()))
          .param("outcome", event.outcome().name())
          .param("failureReason", event.failureReason() == null ? null : event.failureReason().name())
          .param("ipHmac", login.ipHmac())
          .param("ipMasked", login.ipMasked())
          .param("userAgent", login.userAgentDisplay())
          .param("devicePresent", event.deviceId() != null)
          .param("authMethod", event.authMethod())
          .param("receivedAt", Timestamp.from(login.receivedAt()))
          .param("rawEvent", login.rawEventJson())
          .update();
      jdbc.sql("""
              INSERT INTO assessments (tenant_id, event_id, score, decision, assessment, created_at)
              VALUES (:tenant, :event, :score, :decision, CAST(:assessment AS json), :createdAt)
              """)
          .param("tenant", assessment.tenantId())
          .param("event", assessment.eventId())
          .param("score", assessment.score())
          .param("decision", assessment.decision().name())
          .param("assessment", assessmentJson)
          .param("createdAt", Timestamp.from(login.receivedAt()))
          .update();
      return alongside.get();
    });
  }
}
