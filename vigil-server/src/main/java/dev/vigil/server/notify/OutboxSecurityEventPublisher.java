package dev.vigil.server.notify;

import dev.vigil.server.events.CloudEvents;
import dev.vigil.server.events.SecurityEvent;
import dev.vigil.server.events.SecurityEventPublisher;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Incident response's outbound security events, through the notification outbox: each event's CloudEvents
 * envelope becomes a webhook message in the transaction of the change it reports, so it is sent exactly when that
 * change commits — never for an enforcement that rolled back, never lost for one that committed — and with the
 * outbox's retries, ordering per tenant, dead letters and signature.
 *
 * <p>With {@code vigil.events.kafka.enabled} every event also goes to Kafka ({@link KafkaSender}): a second outbox
 * message, so Kafka being down delays only the Kafka copy. A tenant without a webhook gets no webhook message (the audit log still records every action); the event's id is
 * the dedup key, so publishing it twice sends it once.
 */
@Component
final class OutboxSecurityEventPublisher implements SecurityEventPublisher {
  private final Outbox outbox;
  private final NotifySettings settings;
  private final DispatchSignal signal;
  private final Clock clock;
  private final boolean kafka;

  OutboxSecurityEventPublisher(Outbox outbox, NotifySettings settings, DispatchSignal signal, Clock clock,
      KafkaEventSettings kafka) {
    this.outbox = outbox;
    this.settings = settings;
    this.signal = signal;
    this.clock = clock;
    this.kafka = kafka.enabled();
  }

  @Override
  public void publish(SecurityEvent event) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("security events are published inside the transaction of the change");
    }
    boolean webhook = settings.channelsFor(event.tenantId()).webhook().configured();
    if (!webhook && !kafka) {
      return;
    }
    Notice notice = new Notice.SecurityEventRaised(event.type().cloudEventType(),
        CloudEvents.envelope(event, CloudEvents.SOURCE));
    boolean enqueued = false;
    for (Channel channel : new Channel[] {Channel.WEBHOOK, Channel.KAFKA}) {
      if (channel == Channel.WEBHOOK ? webhook : kafka) {
        enqueued |= outbox.enqueue(new NewMessage(event.tenantId(), null, channel, null, notice,
            "security-event:" + event.id()), clock.instant());
      }
    }
    if (enqueued) {
      signal.afterCommit();
    }
  }
}
