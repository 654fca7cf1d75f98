package dev.vigil.server.events;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stand-in outbox of this branch: each event's CloudEvents envelope becomes a row of
 * {@code outbound_events} (V54) in the caller's transaction. The notifications branch's outbox takes over at
 * merge; until then nothing delivers these rows, they are the record.
 */
@Component
final class OutboundEventTable implements SecurityEventPublisher {
  /** The CloudEvents {@code source} of everything the server emits. */
  static final URI SOURCE = URI.create("urn:vigil:server");

  private final JdbcClient jdbc;
  private final Clock clock;

  OutboundEventTable(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void publish(SecurityEvent event) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("security events are published inside the transaction of the change");
    }
    jdbc.sql("""
            INSERT INTO outbound_events (id, tenant_id, type, envelope, created_at)
            VALUES (:id, :tenant, :type, :envelope, :createdAt)""")
        .param("id", event.id())
        .param("tenant", event.tenantId())
        .param("type", event.type().cloudEventType())
        .param("envelope", CloudEvents.envelope(event, SOURCE))
        .param("createdAt", Timestamp.from(clock.instant()))
        .update();
  }

  /** The envelopes of one tenant, oldest first (operators and tests). */
  List<String> envelopes(String tenantId) {
    return jdbc.sql("SELECT envelope FROM outbound_events WHERE tenant_id = :tenant ORDER BY created_at, id")
        .param("tenant", tenantId).query(String.class).list();
  }
}
